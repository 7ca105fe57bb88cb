package org.partybuilding.branch.standardization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.branch.BranchRulesProperties;
import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.coverage.DistrictFacts;
import org.partybuilding.branch.coverage.GapReason;
import org.partybuilding.branch.partyorganization.PartyOrganization;
import org.partybuilding.branch.partyorganization.Rating;
import org.partybuilding.branch.partyorganization.SixHaves;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The standardization figures (six haves, ratings, terms, rule 5's leadership gaps) within a caller's scope. */
@Service
public class Standardization {

    private final DistrictFacts facts;
    private final District district;
    private final BranchRulesProperties rules;
    private final CoverageRules coverageRules;
    private final Clock clock;

    Standardization(DistrictFacts facts, District district, BranchRulesProperties rules, CoverageRules coverageRules,
            Clock clock) {
        this.facts = facts;
        this.district = district;
        this.rules = rules;
        this.coverageRules = coverageRules;
        this.clock = clock;
    }

    /** The report of a street ({@code null}: every street) as the caller may read it (403 outside its scope). */
    public Mono<StandardizationReport> report(String street, DataScope scope) {
        String wanted = street == null || street.isBlank() ? null : street.trim();
        if (wanted != null && !district.hasStreet(wanted)) {
            throw new InvalidInputException("street", "'" + wanted + "' is not one of the district's streets");
        }
        String scoped = scope.streetToRead(wanted);
        return facts.current().map(snapshot -> report(snapshot.partyOrganizations().stream()
                .filter(line -> scoped == null || scoped.equals(line.partyOrganization().street())).toList(), LocalDate.now(clock)));
    }

    StandardizationReport report(List<DistrictFacts.PartyOrganizationLine> lines, LocalDate today) {
        List<PartyOrganization> active = lines.stream().map(DistrictFacts.PartyOrganizationLine::partyOrganization).toList();
        Map<String, Integer> formalMembers = new java.util.HashMap<>();
        lines.forEach(line -> formalMembers.put(line.partyOrganization().id(), line.facts().formalMembers()));
        int all = 0;
        int[] items = new int[6];
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            ratings.put(rating.name(), 0);
        }
        for (PartyOrganization p : active) {
            SixHaves s = p.sixHaves();
            all += s.all() ? 1 : 0;
            boolean[] have = {s.plaque(), s.flag(), s.activityRoom(), s.archiveCabinet(), s.avEquipment(), s.publicityBoard()};
            for (int i = 0; i < have.length; i++) {
                items[i] += have[i] ? 1 : 0;
            }
            ratings.merge(p.rating().name(), 1, Integer::sum);
        }
        Map<String, Integer> sixHaves = new LinkedHashMap<>();
        String[] names = {"plaque", "flag", "activityRoom", "archiveCabinet", "avEquipment", "publicityBoard"};
        for (int i = 0; i < names.length; i++) {
            sixHaves.put(names[i], items[i]);
        }
        LocalDate warnFrom = today.plusDays(rules.termWarningDays());
        Comparator<PartyOrganization> byStreetAndName = Comparator.comparing(PartyOrganization::street)
                .thenComparing(PartyOrganization::name);
        java.util.function.Function<PartyOrganization, StandardizationReport.Line> line = p -> new StandardizationReport.Line(
                p.id(), p.name(), p.street(), p.rating().name(), p.termEndsOn(), formalMembers.getOrDefault(p.id(), 0));
        List<StandardizationReport.Line> weak = active.stream().filter(p -> p.rating() == Rating.WEAK)
                .sorted(byStreetAndName).map(line).toList();
        List<StandardizationReport.Line> termsDue = active.stream()
                .filter(p -> p.termEndsOn() != null && !p.termEndsOn().isAfter(warnFrom))
                .sorted(Comparator.comparing(PartyOrganization::termEndsOn).thenComparing(PartyOrganization::name))
                .map(line).toList();
        // Rule 5's gaps, decided by the same rule as coverage's gap list.
        Map<GapReason, List<PartyOrganization>> leadership = new java.util.EnumMap<>(GapReason.class);
        leadership.put(GapReason.COMMITTEE_NOT_ELECTED, new java.util.ArrayList<>());
        leadership.put(GapReason.SECRETARY_MISSING, new java.util.ArrayList<>());
        for (DistrictFacts.PartyOrganizationLine l : lines) {
            coverageRules.leadershipGaps(l.facts()).forEach(reason -> leadership.get(reason).add(l.partyOrganization()));
        }
        Map<String, Integer> leadershipGaps = new LinkedHashMap<>();
        leadership.forEach((reason, list) -> leadershipGaps.put(reason.name(), list.size()));
        BigDecimal share = active.isEmpty() ? null
                : BigDecimal.valueOf(all).divide(BigDecimal.valueOf(active.size()), 4, RoundingMode.HALF_UP);
        return new StandardizationReport(active.size(), all, share, sixHaves, ratings, weak, termsDue, leadershipGaps,
                leadership.get(GapReason.COMMITTEE_NOT_ELECTED).stream().sorted(byStreetAndName).map(line).toList(),
                leadership.get(GapReason.SECRETARY_MISSING).stream().sorted(byStreetAndName).map(line).toList());
    }
}
