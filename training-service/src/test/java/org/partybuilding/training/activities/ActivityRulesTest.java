package org.partybuilding.training.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.training.domain.ActivityKind;

/** Rule 13: quorum of a general meeting, who may be listed, consistent records. */
class ActivityRulesTest {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void aGeneralMeetingNeedsMoreThanHalfOfThePartyMembers() {
        assertThat(ActivityRules.quorum(ActivityKind.GENERAL_MEETING, 3, 5, HALF)).isTrue();
        assertThat(ActivityRules.quorum(ActivityKind.GENERAL_MEETING, 2, 4, HALF)).isFalse();
        assertThat(ActivityRules.quorum(ActivityKind.GENERAL_MEETING, 3, 4, HALF)).isTrue();
        assertThat(ActivityRules.quorum(ActivityKind.GENERAL_MEETING, 2, 5, HALF)).isFalse();
        assertThat(ActivityRules.quorum(ActivityKind.THEMED_PARTY_DAY, 1, 5, HALF)).isNull();
    }

    @Test
    void nonMembersAreNamedAttendeesAndAbsenteesAlike() {
        RecordActivity r = record(List.of("m1", "x1"), List.of(new Absentee("x2", "出差")), null, ActivityKind.GROUP_MEETING);
        assertThat(ActivityRules.nonMembers(r, Set.of("m1")::contains)).containsExactly("x1", "x2");
    }

    @Test
    void aRecordMustBeConsistent() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        RecordActivity r = new RecordActivity("po", ActivityKind.GENERAL_MEETING, LocalDate.of(2026, 5, 2), "议题", "m9",
                List.of("m1", "m1"), List.of(new Absentee("m1", "病假")), null);
        assertThat(ActivityRules.check(r, today)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("heldOn", "lecturerMemberId", "attendeeIds", "absentees");
        assertThat(ActivityRules.check(record(List.of("m1"), List.of(), "m2", ActivityKind.PARTY_LESSON), today)).isEmpty();
    }

    private static RecordActivity record(List<String> attendees, List<Absentee> absentees, String lecturer, ActivityKind kind) {
        return new RecordActivity("po", kind, LocalDate.of(2026, 4, 1), "学习", lecturer, attendees, absentees, null);
    }
}
