package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.text.CollationKey;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code GET /api/branches/coverage}: the figures of DOMAIN.md §4 for everything the request selects,
 * the same per street, per organization type and per supervisory unit, and the gap list. See
 * {@link CoverageFigures} for what each figure counts.
 *
 * @param byStreet          one line per street asked for (the district's streets in their configured order, or the one
 *                          street of a filter or a street admin's scope), also when it has no organizations
 * @param byType            one line per organization type, in the order of {@code OrganizationType}, zeros included
 * @param bySupervisoryUnit one line per supervisory unit (业务主管单位) among the selected organizations, in pinyin
 *                          order; organizations without one (registered directly) on a last line with {@code null}
 * @param gaps              ordered by street (as in {@code byStreet}), then reason, then name (in pinyin order)
 */
public record CoverageReport(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate,
        BigDecimal workCoverageRate, List<StreetCoverage> byStreet, List<TypeCoverage> byType,
        List<SupervisoryUnitCoverage> bySupervisoryUnit, List<Gap> gaps) {

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

    /** One organization type's figures. */
    public record TypeCoverage(String type, int activeOrganizations, int withMembers, int coveredBySingle,
            int coveredByJoint, int coveredByAffiliated, int instructorOnly, int uncovered,
            BigDecimal organizationCoverageRate, BigDecimal workCoverageRate) {

        static TypeCoverage of(String type, CoverageFigures f) {
            return new TypeCoverage(type, f.activeOrganizations(), f.withMembers(), f.coveredBySingle(), f.coveredByJoint(),
                    f.coveredByAffiliated(), f.instructorOnly(), f.uncovered(), f.organizationCoverageRate(),
                    f.workCoverageRate());
        }
    }

    /** One supervisory unit's figures ({@code null}: organizations without a supervisory unit). */
    public record SupervisoryUnitCoverage(String supervisoryUnit, int activeOrganizations, int withMembers,
            int coveredBySingle, int coveredByJoint, int coveredByAffiliated, int instructorOnly, int uncovered,
            BigDecimal organizationCoverageRate, BigDecimal workCoverageRate) {

        static SupervisoryUnitCoverage of(String unit, CoverageFigures f) {
            return new SupervisoryUnitCoverage(unit, f.activeOrganizations(), f.withMembers(), f.coveredBySingle(),
                    f.coveredByJoint(), f.coveredByAffiliated(), f.instructorOnly(), f.uncovered(),
                    f.organizationCoverageRate(), f.workCoverageRate());
        }
    }

    /** What an organization is grouped by besides its street: its type and supervisory unit. */
    public record Grouping(String type, String supervisoryUnit) {

        static final Grouping NONE = new Grouping(null, null);
    }

    private static final Collator PINYIN = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
    private static final Map<String, CollationKey> KEYS = new ConcurrentHashMap<>();

    /** Names in pinyin order; keys are kept, as the same names come back in every report. */
    static CollationKey pinyinKey(String name) {
        String text = Objects.requireNonNullElse(name, "");
        CollationKey key = KEYS.get(text);
        if (key == null) {
            if (KEYS.size() > 200_000) {
                KEYS.clear();
            }
            synchronized (PINYIN) {
                key = PINYIN.getCollationKey(text);
            }
            KEYS.put(text, key);
        }
        return key;
    }

    /** As {@link #assemble(List, List, Map, List, Function, CoverageRules, LocalDate)} without type and unit lines. */
    public static CoverageReport assemble(List<OrganizationFacts> organizations, List<PartyOrganizationFacts> partyOrganizations,
            Map<String, String> streets, CoverageRules rules, LocalDate today) {
        return assemble(organizations, partyOrganizations, streets, List.of(), o -> Grouping.NONE, rules, today);
    }

    /**
     * Builds the report from what the request selected.
     *
     * @param organizations      the selected organizations, deregistered ones included (rule 6 flags them)
     * @param partyOrganizations the selected active party organizations
     * @param streets            the streets to break down by, code → name, in display order; a street found among the
     *                           organizations but not listed (e.g. since removed from configuration) is added at the end
     * @param types              the organization types to break down by, in display order
     * @param grouping           an organization's type and supervisory unit
     * @param today              the district's date, for terms of office
     */
    public static CoverageReport assemble(List<OrganizationFacts> organizations, List<PartyOrganizationFacts> partyOrganizations,
            Map<String, String> streets, List<String> types, Function<OrganizationFacts, Grouping> grouping,
            CoverageRules rules, LocalDate today) {
        Map<String, List<OrganizationFacts>> byStreet = new LinkedHashMap<>();
        streets.keySet().forEach(street -> byStreet.put(street, new ArrayList<>()));
        Map<String, List<OrganizationFacts>> byType = new LinkedHashMap<>();
        types.forEach(type -> byType.put(type, new ArrayList<>()));
        Map<CollationKey, List<OrganizationFacts>> byUnit = new TreeMap<>();
        Map<CollationKey, String> unitNames = new HashMap<>();
        List<OrganizationFacts> withoutUnit = new ArrayList<>();
        for (OrganizationFacts organization : organizations) {
            byStreet.computeIfAbsent(organization.street(), street -> new ArrayList<>()).add(organization);
            if (!types.isEmpty()) {
                Grouping g = grouping.apply(organization);
                if (g.type() != null) {
                    byType.computeIfAbsent(g.type(), type -> new ArrayList<>()).add(organization);
                }
                if (g.supervisoryUnit() == null) {
                    withoutUnit.add(organization);
                } else {
                    CollationKey key = pinyinKey(g.supervisoryUnit());
                    unitNames.put(key, g.supervisoryUnit());
                    byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(organization);
                }
            }
        }
        List<StreetCoverage> streetLines = new ArrayList<>();
        byStreet.forEach((street, members) ->
                streetLines.add(StreetCoverage.of(street, streets.get(street), CoverageFigures.of(members, rules))));
        List<TypeCoverage> typeLines = new ArrayList<>();
        byType.forEach((type, members) -> typeLines.add(TypeCoverage.of(type, CoverageFigures.of(members, rules))));
        List<SupervisoryUnitCoverage> unitLines = new ArrayList<>();
        byUnit.forEach((key, members) ->
                unitLines.add(SupervisoryUnitCoverage.of(unitNames.get(key), CoverageFigures.of(members, rules))));
        if (!withoutUnit.isEmpty()) {
            unitLines.add(SupervisoryUnitCoverage.of(null, CoverageFigures.of(withoutUnit, rules)));
        }

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
                .thenComparing(gap -> pinyinKey(nameOf(gap))));

        CoverageFigures total = CoverageFigures.of(organizations, rules);
        return new CoverageReport(total.activeOrganizations(), total.withMembers(), total.coveredBySingle(),
                total.coveredByJoint(), total.coveredByAffiliated(), total.instructorOnly(), total.uncovered(),
                total.organizationCoverageRate(), total.workCoverageRate(), List.copyOf(streetLines), List.copyOf(typeLines),
                List.copyOf(unitLines), List.copyOf(gaps));
    }

    private static String nameOf(Gap gap) {
        return Objects.requireNonNullElse(gap.organizationName(), Objects.requireNonNullElse(gap.partyOrganizationName(), ""));
    }
}
