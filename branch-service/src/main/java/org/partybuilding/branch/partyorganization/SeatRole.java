package org.partybuilding.branch.partyorganization;

/** A committee seat (支部委员会): secretary (书记), deputy secretary (副书记), or member (委员). */
public enum SeatRole {
    SECRETARY, DEPUTY_SECRETARY, MEMBER
}
