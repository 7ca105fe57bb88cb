package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code InstructorAssigned} on {@code branch.party-organizations.v1}: a party-building instructor
 * (党建工作指导员) as branch-service holds the assignment after the change. {@code organizationIds} are the
 * registry organizations without members that the instructor gives work coverage (工作覆盖, rule 3);
 * {@code streets} the streets those organizations are in. The instructor's phone is personal data and never
 * travels in events.
 */
public record InstructorSnapshot(
        String id,
        long version,
        String name,
        List<String> organizationIds,
        List<String> streets,
        LocalDate assignedOn) implements AggregateSnapshot {

    public InstructorSnapshot {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        streets = streets == null ? List.of() : List.copyOf(streets);
    }

    /** An instructor gives work coverage to organizations, by name and the organizations' ids. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("name", name)
                .texts("organizationIds", organizationIds)
                .texts("streets", streets)
                .list();
    }
}
