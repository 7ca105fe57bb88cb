package org.partybuilding.registry.organization;

/** Operating status (经营状况), the first of the five clears. */
public enum OperatingStatus {
    NORMAL, DIFFICULT, SUSPENDED
}
