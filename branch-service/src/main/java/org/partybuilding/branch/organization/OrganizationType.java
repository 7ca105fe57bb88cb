package org.partybuilding.branch.organization;

/** Kinds of registered social organization (社会组织), as registry-service names them. */
public enum OrganizationType {
    /** 社会团体. */
    SOCIAL_GROUP,
    /** 民办非企业单位. */
    PRIVATE_NON_ENTERPRISE,
    /** 基金会. */
    FOUNDATION
}
