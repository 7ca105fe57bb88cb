package org.partybuilding.branch.instructor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.EventType;
import org.partybuilding.events.InstructorSnapshot;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party-building instructor (党建工作指导员) assigned to organizations without members (rule 3), so that party
 * work covers them (工作覆盖). One document per assignment in {@value #COLLECTION}, with its event in the outbox.
 *
 * @param phoneSealed the phone, encrypted: personal data, shown masked by role and never in events or logs
 * @param streets     the streets of the organizations, for the street admins' scope
 */
@Document(Instructor.COLLECTION)
public record Instructor(
        @Id String id,
        long version,
        String name,
        String phoneSealed,
        List<String> organizationIds,
        List<String> streets,
        LocalDate assignedOn,
        Instant createdAt,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "instructors";

    public Instructor {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        streets = streets == null ? List.of() : List.copyOf(streets);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public InstructorSnapshot snapshot() {
        return new InstructorSnapshot(id, version, name, organizationIds, streets, assignedOn);
    }

    Instructor withAssignedEvent() {
        return new Instructor(id, version, name, phoneSealed, organizationIds, streets, assignedOn, createdAt,
                List.of(OutboxEvent.of(EventType.INSTRUCTOR_ASSIGNED, snapshot())));
    }
}
