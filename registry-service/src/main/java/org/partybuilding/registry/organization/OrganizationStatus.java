package org.partybuilding.registry.organization;

/** Registration status: active until deregistered (注销). */
public enum OrganizationStatus {
    ACTIVE, DEREGISTERED
}
