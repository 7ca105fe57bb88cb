package org.partybuilding.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Data of {@code ActivityRecorded} on {@code training.records.v1} (key = the activity id): one
 * organizational-life activity (组织生活: 三会一课, 主题党日 …) of a party organization as
 * training-service recorded it (version 1; activities are not edited). {@code kind} is one of rule 12's
 * kinds, e.g. {@code GENERAL_MEETING}; {@code attendeeIds} are member ids (no names, no reasons for
 * absence: those stay in training-service); {@code partyMembers} is how many party members the
 * organization had when it was recorded and {@code quorum} whether more than half of them attended
 * (general meetings only, otherwise {@code null}); {@code hours} the hours credited to each attendee.
 */
public record ActivityRecordedSnapshot(
        String id,
        long version,
        String partyOrganizationId,
        String street,
        String kind,
        LocalDate heldOn,
        String lecturerMemberId,
        boolean lecturedBySecretary,
        List<String> attendeeIds,
        int absentees,
        int partyMembers,
        Boolean quorum,
        BigDecimal hours) implements AggregateSnapshot {

    public ActivityRecordedSnapshot {
        attendeeIds = attendeeIds == null ? List.of() : List.copyOf(attendeeIds);
    }

    /** Rule 12's kinds. */
    public static final Set<String> KINDS = Set.of("GENERAL_MEETING", "COMMITTEE_MEETING", "GROUP_MEETING", "PARTY_LESSON",
            "THEMED_PARTY_DAY", "ORGANIZATIONAL_LIFE_MEETING", "DEMOCRATIC_APPRAISAL", "THEME_PRACTICE");

    /** An activity counts for its party organization, by kind and day; its attendees are member ids. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("partyOrganizationId", partyOrganizationId)
                .optionalText("street", street)
                .oneOf("kind", kind, KINDS)
                .present("heldOn", heldOn)
                .texts("attendeeIds", attendeeIds)
                .check(absentees >= 0, "absentees must not be negative")
                .check(partyMembers >= 0, "partyMembers must not be negative")
                .check(hours == null || hours.signum() >= 0, "hours must not be negative")
                .list();
    }
}
