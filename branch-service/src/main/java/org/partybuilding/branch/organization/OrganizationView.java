package org.partybuilding.branch.organization;

import java.time.LocalDate;

import org.partybuilding.events.OrganizationSnapshot;

/**
 * What branch-service knows of a social organization from registry events (collection
 * {@value #COLLECTION}): the fields coverage needs. Member counts and the covering party
 * organization are kept in the same documents by their own consumers, so this view never
 * overwrites them.
 */
public record OrganizationView(String name, String type, String street, String industry, String supervisoryUnit,
        String status, int employees, int fullTimeStaff, LocalDate registeredOn) {

    public static final String COLLECTION = "organizations";

    public static OrganizationView of(OrganizationSnapshot o) {
        return new OrganizationView(o.name(), o.type(), o.street(), o.industry(), o.supervisoryUnit(), o.status(),
                o.employees(), o.fullTimeStaff(), o.registeredOn());
    }
}
