package org.partybuilding.registry.organization;

/** Which civil affairs bureau registered the organization (登记层级). */
public enum RegistrationLevel {
    PROVINCE("省级"), CITY("市级"), DISTRICT("区级");

    private final String label;

    RegistrationLevel(String label) {
        this.label = label;
    }

    /** The Chinese name, as registers and exports write it. */
    public String label() {
        return label;
    }
}
