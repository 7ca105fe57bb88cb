package org.partybuilding.branch.partyorganization;

public enum PartyOrganizationStatus {
    ACTIVE, DISSOLVED
}
