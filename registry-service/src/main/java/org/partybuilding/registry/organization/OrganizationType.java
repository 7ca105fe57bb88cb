package org.partybuilding.registry.organization;

/** Kinds of registered social organization (社会组织), with their credit code category character. */
public enum OrganizationType {
    SOCIAL_GROUP('1', "社会团体"),
    PRIVATE_NON_ENTERPRISE('2', "民办非企业单位"),
    FOUNDATION('3', "基金会");

    private final char creditCodeCategory;
    private final String label;

    OrganizationType(char creditCodeCategory, String label) {
        this.creditCodeCategory = creditCodeCategory;
        this.label = label;
    }

    /** The Chinese name, as registers and exports write it. */
    public String label() {
        return label;
    }

    public char creditCodeCategory() {
        return creditCodeCategory;
    }
}
