package org.partybuilding.training.annual;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.training.statistics.TrainingStatistics;

/**
 * training-service's section of the annual report to the district committee (每年向区委报告): organizational-life
 * compliance per quarter and for the year (the compliance report's totals for each period), and training person-times and
 * hours (the statistics report's totals), for the year and optionally one street.
 */
public record TrainingAnnualSection(int year, String street, String streetName, LocalDate asOf, List<Compliance> compliance,
        TrainingStatistics.Figures training) {

    /** One period: {@code 2026-Q1} … {@code 2026-Q4}, then {@code 2026} (the whole year). */
    public record Compliance(String period, int partyOrganizations, int compliant, int behind, BigDecimal complianceRate) {
    }
}
