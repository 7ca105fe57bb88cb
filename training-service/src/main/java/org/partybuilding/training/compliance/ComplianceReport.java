package org.partybuilding.training.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.partybuilding.training.compliance.ComplianceRules.RequirementResult;
import org.partybuilding.training.compliance.ComplianceRules.Status;

/**
 * {@code GET /api/training/compliance}: rule 12 per party organization in the period, summed per
 * street and over everything the caller sees ({@code total}: the district for district-wide readers).
 */
public record ComplianceReport(int year, Integer quarter, String period, LocalDate from, LocalDate to, LocalDate asOf,
        Summary total, List<StreetSummary> streets, List<Row> partyOrganizations) {

    /**
     * Party organizations counted, how many are compliant and behind, the share compliant, and per
     * requirement the sub-periods owed ({@code required}), met, activities held and counted.
     */
    public record Summary(int partyOrganizations, int compliant, int behind, BigDecimal complianceRate,
            Map<String, Tally> requirements) {
    }

    /** Sub-periods owed and met; activities held, and of them those that counted (a general meeting without quorum does not). */
    public record Tally(int required, int met, int held, int counted) {
    }

    public record StreetSummary(String street, String streetName, Summary summary) {
    }

    public record Row(String partyOrganizationId, String name, String street, String type, boolean committee, Status status,
            List<RequirementResult> requirements, List<String> missing) {
    }
}
