package org.partybuilding.registry.organization;

/** Which civil affairs bureau registered the organization (登记层级). */
public enum RegistrationLevel {
    PROVINCE, CITY, DISTRICT
}
