package org.partybuilding.platform.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

/**
 * The year and street of an annual report section ({@code GET /api/<service>/reports/annual?year=&street=}, DOMAIN.md
 * §6), checked the same way in every service: {@code year} from 2000 to 2100 (absent: the current year), {@code street}
 * one of the district's (blank: the whole district) — 400 naming each field otherwise. The section's scope is the
 * caller's business ({@code DataScope.streetToRead(street())}).
 *
 * @param startOn the day the year-start figures are taken: the previous year's last day
 * @param endOn   the day the year-end figures are taken: the year's last day, or today while the year runs
 * @param today   the district's date
 */
public record AnnualPeriod(int year, String street, LocalDate startOn, LocalDate endOn, LocalDate today) {

    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;

    public static AnnualPeriod of(Integer year, String street, District district, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        List<FieldError> errors = new ArrayList<>();
        if (y < EARLIEST_YEAR || y > LATEST_YEAR) {
            errors.add(new FieldError("year", "must be between " + EARLIEST_YEAR + " and " + LATEST_YEAR));
        }
        String wanted = street == null || street.isBlank() ? null : street.trim();
        if (wanted != null && !district.hasStreet(wanted)) {
            errors.add(new FieldError("street", "'" + wanted + "' is not one of the district's streets"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate yearEnd = LocalDate.of(y, 12, 31);
        return new AnnualPeriod(y, wanted, LocalDate.of(y - 1, 12, 31), yearEnd.isAfter(today) ? today : yearEnd, today);
    }

    /** The year's first day. */
    public LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    /** The year's last day. */
    public LocalDate lastDay() {
        return LocalDate.of(year, 12, 31);
    }

    /** Whether the year is the current one. */
    public boolean current() {
        return year == today.getYear();
    }
}
