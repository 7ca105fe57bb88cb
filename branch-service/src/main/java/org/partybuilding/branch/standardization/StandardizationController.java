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
import org.partybuilding.branch.coverage.DistrictFacts;
import org.partybuilding.branch.partyorganization.PartyOrganization;
import org.partybuilding.branch.partyorganization.Rating;
import org.partybuilding.branch.partyorganization.SixHaves;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "standardization", description = "Standardization (规范化) of party organizations: six haves, ratings, terms")
class StandardizationController {

    private final DistrictFacts facts;
    private final District district;
    private final BranchRulesProperties rules;
    private final Clock clock;

    StandardizationController(DistrictFacts facts, District district, BranchRulesProperties rules, Clock clock) {
        this.facts = facts;
        this.district = district;
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/api/branches/standardization")
    @Operation(summary = "Share meeting all six haves, ratings, weak party organizations, terms due; filter street")
    Mono<StandardizationReport> report(@RequestParam(required = false) String street, DataScope scope) {
        String wanted = street == null || street.isBlank() ? null : street.trim();
        if (wanted != null && !district.hasStreet(wanted)) {
            throw new InvalidInputException("street", "'" + wanted + "' is not one of the district's streets");
        }
        String scoped = scope.streetToRead(wanted);
        return facts.current().map(snapshot -> report(snapshot.partyOrganizations().stream()
                .map(DistrictFacts.PartyOrganizationLine::partyOrganization)
                .filter(p -> scoped == null || scoped.equals(p.street())).toList(), LocalDate.now(clock)));
    }

    StandardizationReport report(List<PartyOrganization> active, LocalDate today) {
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
        List<StandardizationReport.Line> weak = active.stream().filter(p -> p.rating() == Rating.WEAK)
                .sorted(Comparator.comparing(PartyOrganization::street).thenComparing(PartyOrganization::name))
                .map(StandardizationController::line).toList();
        List<StandardizationReport.Line> termsDue = active.stream()
                .filter(p -> p.termEndsOn() != null && !p.termEndsOn().isAfter(warnFrom))
                .sorted(Comparator.comparing(PartyOrganization::termEndsOn).thenComparing(PartyOrganization::name))
                .map(StandardizationController::line).toList();
        BigDecimal share = active.isEmpty() ? null
                : BigDecimal.valueOf(all).divide(BigDecimal.valueOf(active.size()), 4, RoundingMode.HALF_UP);
        return new StandardizationReport(active.size(), all, share, sixHaves, ratings, weak, termsDue);
    }

    private static StandardizationReport.Line line(PartyOrganization p) {
        return new StandardizationReport.Line(p.id(), p.name(), p.street(), p.rating().name(), p.termEndsOn());
    }
}
