package org.partybuilding.registry.annual;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * registry-service's section of the annual report to the district committee (每年向区委报告): the social organizations
 * active at the start and the end of the year, registered and deregistered in it, in total, per type and per street —
 * from each organization's registration and deregistration dates, which the registry keeps anyway.
 *
 * @param startOn the day of the year-start figures: the previous year's last day
 * @param endOn   the day of the year-end figures: the year's last day, or today in the current year (then {@code activeAtEnd}
 *                is the statistics report's {@code active})
 */
public record RegistryAnnualSection(int year, String street, String streetName, LocalDate asOf, LocalDate startOn, LocalDate endOn,
        Figures total, Map<String, Figures> byType, List<StreetFigures> byStreet) {

    public record Figures(int activeAtStart, int activeAtEnd, int registered, int deregistered) {
    }

    public record StreetFigures(String street, String streetName, Figures figures) {
    }
}
