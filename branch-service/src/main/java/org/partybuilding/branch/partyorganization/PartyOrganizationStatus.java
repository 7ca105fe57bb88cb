package org.partybuilding.branch.partyorganization;

public enum PartyOrganizationStatus {
    ACTIVE("存续"), DISSOLVED("已撤销");

    private final String label;

    PartyOrganizationStatus(String label) {
        this.label = label;
    }

    /** Its Chinese name, as exports show it. */
    public String label() {
        return label;
    }
}
