package org.partybuilding.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.training.activities.ActivityKind;

class TrainingLedgerTest {

    private final TrainingLedger ledger = new TrainingLedger();

    @Test
    void anActivityCountsOnceForItsPartyOrganizationAndEveryAttendee() {
        LocalDate on = LocalDate.of(2026, 3, 5);
        assertThat(ledger.recordActivity("a1", "po", ActivityKind.PARTY_LESSON, on, true, List.of("m1", "m2"), new BigDecimal("2"))).isTrue();
        assertThat(ledger.recordActivity("a1", "po", ActivityKind.PARTY_LESSON, on, true, List.of("m1", "m2"), new BigDecimal("2"))).isFalse();
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, false, YearMonth.of(2026, 3))).isEqualTo(1);
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, true, YearMonth.of(2026, 3))).isEqualTo(1);
        assertThat(ledger.held("po", ActivityKind.PARTY_LESSON, false, YearMonth.of(2026, 4))).isZero();
        assertThat(ledger.totals("m1", 2026).hours()).isEqualByComparingTo("2");
        assertThat(ledger.totals("m1", 2026).activities()).isEqualTo(1);
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
