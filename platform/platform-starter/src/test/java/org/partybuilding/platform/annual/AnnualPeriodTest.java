package org.partybuilding.platform.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;

class AnnualPeriodTest {

    private static final District DISTRICT = new District("440104", "越秀区", Map.of("JIANSHE", "建设"), List.of("EDUCATION"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void theCurrentYearEndsTodayAPastYearOnItsLastDay() {
        AnnualPeriod now = AnnualPeriod.of(null, " JIANSHE ", DISTRICT, CLOCK);
        assertThat(now.year()).isEqualTo(2026);
        assertThat(now.street()).isEqualTo("JIANSHE");
        assertThat(now.startOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(now.endOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(now.current()).isTrue();
        AnnualPeriod past = AnnualPeriod.of(2024, "", DISTRICT, CLOCK);
        assertThat(past.street()).isNull();
        assertThat(past.endOn()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(past.firstDay()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(past.current()).isFalse();
    }

    @Test
    void aYearOutOfRangeAndAnUnknownStreetAreNamed() {
        assertThatThrownBy(() -> AnnualPeriod.of(1999, "NOWHERE", DISTRICT, CLOCK)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(org.partybuilding.platform.problem.FieldError::field).containsExactly("year", "street"));
    }
}
