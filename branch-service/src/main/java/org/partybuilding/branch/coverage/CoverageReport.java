package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/branches/coverage}: the figures of DOMAIN.md §4 for everything the request selects,
 * the same per street, and the gap list. See {@link CoverageFigures} for what each figure counts.
 *
 * @param byStreet one line per street asked for (the district's streets in their configured order, or the one
 *                 street of a filter or a street admin's scope), also when it has no organizations
 * @param gaps     ordered by street (as in {@code byStreet}), then reason, then name (in pinyin order)
 */
public record CoverageReport(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate,
        BigDecimal workCoverageRate, List<StreetCoverage> byStreet, List<Gap> gaps) {

    /** One street's (街道) figures. */
    public record StreetCoverage(String street, String streetName, int activeOrganizations, int withMembers,
            int coveredBySingle, int coveredByJoint, int coveredByAffiliated, int instructorOnly, int uncovered,
            BigDecimal organizationCoverageRate, BigDecimal workCoverageRate) {

        static StreetCoverage of(String street, String streetName, CoverageFigures f) {
            return new StreetCoverage(street, streetName, f.activeOrganizations(), f.withMembers(), f.coveredBySingle(),
                    f.coveredByJoint(), f.coveredByAffiliated(), f.instructorOnly(), f.uncovered(),
                    f.organizationCoverageRate(), f.workCoverageRate());
        }
    }

    /**
     * Builds the report from what the request selected.
     *
     * @param organizations      the selected organizations, deregistered ones included (rule 6 flags them)
     * @param partyOrganizations the selected active party organizations
     * @param streets            the streets to break down by, code → name, in display order; a street found among the
     *                           organizations but not listed (e.g. since removed from configuration) is added at the end
     * @param today              the district's date, for terms of office
     */
    public static CoverageReport assemble(List<OrganizationFacts> organizations, List<PartyOrganizationFacts> partyOrganizations,
            Map<String, String> streets, CoverageRules rules, LocalDate today) {
        Map<String, List<OrganizationFacts>> byStreet = new LinkedHashMap<>();
        streets.keySet().forEach(street -> byStreet.put(street, new ArrayList<>()));
        for (OrganizationFacts organization : organizations) {
            byStreet.computeIfAbsent(organization.street(), street -> new ArrayList<>()).add(organization);
        }
        List<StreetCoverage> streetLines = new ArrayList<>();
        byStreet.forEach((street, members) ->
                streetLines.add(StreetCoverage.of(street, streets.get(street), CoverageFigures.of(members, rules))));

        List<Gap> gaps = new ArrayList<>();
        for (OrganizationFacts organization : organizations) {
            rules.gap(organization).ifPresent(reason -> gaps.add(Gap.of(organization, reason)));
        }
        for (PartyOrganizationFacts partyOrganization : partyOrganizations) {
            rules.gaps(partyOrganization, today).forEach(reason -> gaps.add(Gap.of(partyOrganization, reason)));
        }
        Map<String, Integer> streetOrder = new HashMap<>();
        byStreet.keySet().forEach(street -> streetOrder.put(street, streetOrder.size()));
        gaps.sort(Comparator.comparingInt((Gap gap) -> streetOrder.getOrDefault(gap.street(), Integer.MAX_VALUE))
                .thenComparing(Gap::reason)
                .thenComparing(CoverageReport::nameOf, Collator.getInstance(Locale.SIMPLIFIED_CHINESE)));

        CoverageFigures total = CoverageFigures.of(organizations, rules);
        return new CoverageReport(total.activeOrganizations(), total.withMembers(), total.coveredBySingle(),
                total.coveredByJoint(), total.coveredByAffiliated(), total.instructorOnly(), total.uncovered(),
                total.organizationCoverageRate(), total.workCoverageRate(), List.copyOf(streetLines), List.copyOf(gaps));
    }

    private static String nameOf(Gap gap) {
        return Objects.requireNonNullElse(gap.organizationName(), Objects.requireNonNullElse(gap.partyOrganizationName(), ""));
    }
}
