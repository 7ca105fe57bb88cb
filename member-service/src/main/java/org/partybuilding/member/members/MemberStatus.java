package org.partybuilding.member.members;

public enum MemberStatus {
    ACTIVE, TRANSFERRED_OUT, LEFT
}
