package org.partybuilding.branch.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.OrganizationSnapshot;
import org.springframework.data.annotation.Id;

/**
 * What branch-service knows of a social organization (社会组织) from registry-service's events, one
 * document per organization in {@value #COLLECTION}: the fields coverage, the joint plan (street,
 * industry) and the registration-time coverage status need. Only the organization consumer writes
 * it; members and party organizations are kept in their own collections.
 *
 * <p>Written through {@code VersionedReadModels}, which writes every field, {@code null} included, so
 * that a field registry-service cleared (e.g. the supervisory unit) is cleared here too.
 *
 * @param supervisoryUnit the supervisory unit (业务主管单位); none for organizations registered directly
 * @param status          {@code ACTIVE} or {@code DEREGISTERED} (kept as text: a newer registry may add values)
 * @param type            {@link OrganizationType} name, kept as text for the same reason
 */
public record OrganizationView(
        @Id String id,
        long version,
        String name,
        String type,
        String street,
        String industry,
        String supervisoryUnit,
        String status,
        int employees,
        int fullTimeStaff,
        LocalDate registeredOn) {

    public static final String COLLECTION = "organizations";
    public static final String ACTIVE = "ACTIVE";

    /**
     * The view of an event's data. Data without what the read model is keyed, guarded and scoped by
     * ({@code id}, {@code version} ≥ 1, {@code name}, {@code street}, {@code status}) is not an event of the contract.
     */
    public static OrganizationView of(OrganizationSnapshot o) {
        List<String> missing = new ArrayList<>();
        if (isBlank(o.id())) {
            missing.add("id");
        }
        if (o.version() < 1) {
            missing.add("version (≥ 1)");
        }
        if (isBlank(o.name())) {
            missing.add("name");
        }
        if (isBlank(o.street())) {
            missing.add("street");
        }
        if (isBlank(o.status())) {
            missing.add("status");
        }
        if (!missing.isEmpty()) {
            throw new EventFormatException("OrganizationSnapshot lacks " + String.join(", ", missing));
        }
        return new OrganizationView(o.id(), o.version(), o.name(), o.type(), o.street(), o.industry(), o.supervisoryUnit(),
                o.status(), o.employees(), o.fullTimeStaff(), o.registeredOn());
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
