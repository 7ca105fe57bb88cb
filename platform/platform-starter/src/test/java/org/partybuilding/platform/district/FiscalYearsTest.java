package org.partybuilding.platform.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FiscalYearsTest {

    @Test
    void byDefaultEveryYearBeforeTheCurrentOneIsClosed() {
        LocalDate today = LocalDate.of(2026, 1, 5);
        assertThat(FiscalYears.DEFAULTS.closed(2025, today)).isTrue();
        assertThat(FiscalYears.DEFAULTS.closed(2010, today)).isTrue();
        assertThat(FiscalYears.DEFAULTS.closed(2026, today)).isFalse();
        assertThat(FiscalYears.DEFAULTS.closed(2027, today)).isFalse();
    }

    @Test
    void thePreviousYearMayBeKeptOpenUntilAConfiguredDayIncluded() {
        FiscalYears calendar = new FiscalYears(LocalDate.of(2026, 1, 31));
        assertThat(calendar.closed(2025, LocalDate.of(2026, 1, 31))).isFalse();
        assertThat(calendar.closed(2025, LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(calendar.closed(2024, LocalDate.of(2026, 1, 15))).isTrue();
        // a day configured for an earlier year keeps nothing open a year later
        assertThat(calendar.closed(2026, LocalDate.of(2027, 1, 15))).isTrue();
    }
}
