package org.partybuilding.training.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.training.domain.ActivityKind;

/** Rule 13 for organizational life, in plain Java: who may be listed, and when a general meeting has its quorum. */
public final class ActivityRules {

    private ActivityRules() {
    }

    /** What is wrong with a record beyond its fields' own constraints. */
    public static List<FieldError> check(RecordActivity r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (r.heldOn().isAfter(today)) {
            errors.add(new FieldError("heldOn", "must not be in the future"));
        }
        if (r.lecturerMemberId() != null && !r.lecturerMemberId().isBlank() && r.kind() != ActivityKind.PARTY_LESSON) {
            errors.add(new FieldError("lecturerMemberId", "is only for a party lesson"));
        }
        Set<String> attendees = new HashSet<>();
        for (String id : r.attendeeIds()) {
            if (!attendees.add(id)) {
                errors.add(new FieldError("attendeeIds", "lists " + id + " twice"));
            }
        }
        Set<String> absent = new HashSet<>();
        for (Absentee a : r.absentees()) {
            if (!absent.add(a.memberId())) {
                errors.add(new FieldError("absentees", "lists " + a.memberId() + " twice"));
            } else if (attendees.contains(a.memberId())) {
                errors.add(new FieldError("absentees", a.memberId() + " is also an attendee"));
            }
        }
        return errors;
    }

    /** Rule 12: a committee meeting only where a committee is elected; every other kind anywhere. */
    public static boolean mayHold(ActivityKind kind, boolean hasCommittee) {
        return kind != ActivityKind.COMMITTEE_MEETING || hasCommittee;
    }

    /** The listed attendees and absentees that are not active party members of the organizing party organization. */
    public static List<String> nonMembers(RecordActivity r, Predicate<String> isMember) {
        Set<String> listed = new LinkedHashSet<>(r.attendeeIds());
        r.absentees().forEach(a -> listed.add(a.memberId()));
        return listed.stream().filter(isMember.negate()).toList();
    }

    /**
     * A general meeting (党员大会) has its quorum when more than {@code share} of the party members
     * attend; other kinds have none ({@code null}).
     */
    public static Boolean quorum(ActivityKind kind, int attendees, int partyMembers, BigDecimal share) {
        if (kind != ActivityKind.GENERAL_MEETING) {
            return null;
        }
        return BigDecimal.valueOf(attendees).compareTo(share.multiply(BigDecimal.valueOf(partyMembers))) > 0;
    }
}
