package org.partybuilding.training.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.training.domain.ActivityKind;

/** An activity as the API shows it. */
public record ActivityView(String id, long version, String partyOrganizationId, String street, ActivityKind kind,
        LocalDate heldOn, String topic, String lecturerMemberId, boolean lecturedBySecretary, List<String> attendeeIds,
        List<Absentee> absentees, int partyMembers, Boolean quorum, List<String> flags, BigDecimal hours, Instant recordedAt) {

    public static ActivityView of(Activity a) {
        return new ActivityView(a.id(), a.version(), a.partyOrganizationId(), a.street(), a.kind(), a.heldOn(), a.topic(),
                a.lecturerMemberId(), a.lecturedBySecretary(), a.attendeeIds(), a.absentees(), a.partyMembers(), a.quorum(),
                a.flags(), a.hours(), a.recordedAt());
    }
}
