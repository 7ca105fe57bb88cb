package org.partybuilding.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.training.domain.ActivityKind;

class TrainingLedgerTest {

    private final TrainingLedger ledger = new TrainingLedger();

    @Test
    void anActivityCountsOnceForItsPartyOrganizationAndEveryAttendee() {
        LocalDate on = LocalDate.of(2026, 3, 5);
        assertThat(ledger.recordActivity("a1", "po", ActivityKind.PARTY_LESSON, on, true, false, List.of("m1", "m2"), new BigDecimal("2"))).isTrue();
        assertThat(ledger.recordActivity("a1", "po", ActivityKind.PARTY_LESSON, on, true, false, List.of("m1", "m2"), new BigDecimal("2"))).isFalse();
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, false, YearMonth.of(2026, 3))).isEqualTo(1);
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, true, YearMonth.of(2026, 3))).isEqualTo(1);
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, false, YearMonth.of(2026, 4))).isZero();
        assertThat(ledger.totals("m1", 2026).hours()).isEqualByComparingTo("2");
        assertThat(ledger.totals("m1", 2026).activities()).isEqualTo(1);
    }

    @Test
    void aGeneralMeetingWithoutQuorumIsHeldButKeptApartAsNotCounting() {
        LocalDate on = LocalDate.of(2026, 2, 5);
        ledger.recordActivity("g1", "po-q", ActivityKind.GENERAL_MEETING, on, false, true, List.of("m1"), BigDecimal.ONE);
        ledger.recordActivity("g2", "po-q", ActivityKind.GENERAL_MEETING, on, false, false, List.of("m1", "m2"), BigDecimal.ONE);
        ledger.recordActivity("g1", "po-q", ActivityKind.GENERAL_MEETING, on, false, true, List.of("m1"), BigDecimal.ONE);
        assertThat(ledger.held("po-q", ActivityKind.GENERAL_MEETING, false, YearMonth.of(2026, 2))).isEqualTo(2);
        assertThat(ledger.withoutQuorum("po-q", ActivityKind.GENERAL_MEETING, false, YearMonth.of(2026, 2))).isEqualTo(1);
        assertThat(ledger.withoutQuorum("po-q", ActivityKind.PARTY_LESSON, false, YearMonth.of(2026, 2))).isZero();
        // the attendee's hour counts: the meeting was held
        assertThat(ledger.totals("m1", 2026).activities()).isEqualTo(2);
    }

    @Test
    void attendanceIsCorrectedByANewerVersionOnly() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        ledger.recordAttendance("s:m1", 1, "m1", on, new BigDecimal("8"));
        ledger.recordAttendance("s:m1", 1, "m1", on, new BigDecimal("8"));
        assertThat(ledger.totals("m1", 2026).trainingHours()).isEqualByComparingTo("8");
        ledger.recordAttendance("s:m1", 2, "m1", on, new BigDecimal("6.5"));
        ledger.recordAttendance("s:m1", 1, "m1", on, new BigDecimal("8"));
        assertThat(ledger.totals("m1", 2026).trainingHours()).isEqualByComparingTo("6.5");
        assertThat(ledger.totals("m1", 2026).trainings()).isEqualTo(1);
        assertThat(ledger.years("m1")).containsExactly(2026);
    }
}
