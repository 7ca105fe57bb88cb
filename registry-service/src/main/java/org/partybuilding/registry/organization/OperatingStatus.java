package org.partybuilding.registry.organization;

/** Operating status (经营状况), the first of the five clears. */
public enum OperatingStatus {
    NORMAL("正常"), DIFFICULT("困难"), SUSPENDED("停业");

    private final String label;

    OperatingStatus(String label) {
        this.label = label;
    }

    /** The Chinese name, as registers and exports write it. */
    public String label() {
        return label;
    }
}
