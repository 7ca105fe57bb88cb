package org.partybuilding.platform.district;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district's fiscal calendar (DOMAIN.md rule 14): which fiscal years are closed. By default every year before
 * the current one is closed; the district may keep the previous year open until a configured day
 * ({@code platform.fiscal-years.previous-year-open-until}, e.g. {@code 2027-01-31}: until and including that day
 * 2026 is still open). A party organization recorded with an establishment date in a closed year is pre-existing:
 * it gets no automatic start-up grant.
 *
 * <p>One home for the rule: branch-service decides with it, when a party organization is established, whether it is
 * pre-existing (and says so on the party organization and in its event); funding-service books by what the event
 * says and shows the same calendar in its policy ({@code GET /api/funding/policies/{year}}: {@code closed}). Both read
 * this one setting from the platform's defaults.
 *
 * @param previousYearOpenUntil the last day on which the previous fiscal year is still open; {@code null}: it closes
 *                              when the year ends
 */
@ConfigurationProperties("platform.fiscal-years")
public record FiscalYears(LocalDate previousYearOpenUntil) {

    /** Every year before the current one closed, none kept open. */
    public static final FiscalYears DEFAULTS = new FiscalYears(null);

    /** Whether {@code year} is closed on {@code today}: before the current year, and not the previous year kept open. */
    public boolean closed(int year, LocalDate today) {
        int current = today.getYear();
        if (year >= current) {
            return false;
        }
        return !(year == current - 1 && previousYearOpenUntil != null && !today.isAfter(previousYearOpenUntil));
    }
}
