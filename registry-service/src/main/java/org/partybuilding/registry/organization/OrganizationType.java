package org.partybuilding.registry.organization;

/** Kinds of registered social organization (社会组织), with their credit code category character. */
public enum OrganizationType {
    /** 社会团体. */
    SOCIAL_GROUP('1'),
    /** 民办非企业单位. */
    PRIVATE_NON_ENTERPRISE('2'),
    /** 基金会. */
    FOUNDATION('3');

    private final char creditCodeCategory;

    OrganizationType(char creditCodeCategory) {
        this.creditCodeCategory = creditCodeCategory;
    }

    public char creditCodeCategory() {
        return creditCodeCategory;
    }
}
