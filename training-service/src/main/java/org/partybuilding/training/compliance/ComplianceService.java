package org.partybuilding.training.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.training.access.TrainingAccess;
import org.partybuilding.training.compliance.ComplianceReport.Row;
import org.partybuilding.training.compliance.ComplianceReport.StreetSummary;
import org.partybuilding.training.compliance.ComplianceReport.Summary;
import org.partybuilding.training.compliance.ComplianceReport.Tally;
import org.partybuilding.training.compliance.ComplianceRules.RequirementResult;
import org.partybuilding.training.compliance.ComplianceRules.Result;
import org.partybuilding.training.compliance.ComplianceRules.Status;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.ledger.TrainingLedger;
import org.springframework.stereotype.Service;

/**
 * The compliance report from memory: party organizations from the {@link Directory}, activities held
 * from the {@link TrainingLedger}; nothing is read from the database per request.
 */
@Service
public class ComplianceService {

    private final ComplianceRules rules;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final District district;
    private final Clock clock;

    public ComplianceService(ComplianceRules rules, Directory directory, TrainingLedger ledger, District district, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.ledger = ledger;
        this.district = district;
        this.clock = clock;
    }

    public ComplianceReport report(Period period, String street, String partyOrganizationId, Status status, DataScope scope) {
        TrainingAccess.ReportScope within = TrainingAccess.reportScope(scope, street, partyOrganizationId);
        LocalDate today = LocalDate.now(clock);
        List<Result> results = new ArrayList<>();
        for (KnownPartyOrganization p : directory.partyOrganizations()) {
            if (!within.includes(p)) {
                continue;
            }
            ComplianceRules.Organization o = new ComplianceRules.Organization(p.id(), p.name(), p.street(), p.type(),
                    p.hasCommittee(), p.establishedOn(), p.active() ? null : p.dissolvedOn() == null ? today : p.dissolvedOn());
            if (rules.reported(o, period)) {
                results.add(rules.evaluate(o, period, new ComplianceRules.HeldCounts() {
                    @Override
                    public int held(org.partybuilding.training.domain.ActivityKind kind, boolean bySecretary,
                            java.time.YearMonth month) {
                        return ledger.held(p.id(), kind, bySecretary, month);
                    }

                    @Override
                    public int withoutQuorum(org.partybuilding.training.domain.ActivityKind kind, boolean bySecretary,
                            java.time.YearMonth month) {
                        return ledger.withoutQuorum(p.id(), kind, bySecretary, month);
                    }
                }, today));
            }
        }
        results.sort(Comparator.comparing((Result r) -> r.organization().street(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.organization().name(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.organization().id()));
        Map<String, List<Result>> byStreet = new TreeMap<>();
        for (Result r : results) {
            byStreet.computeIfAbsent(r.organization().street() == null ? "" : r.organization().street(), k -> new ArrayList<>()).add(r);
        }
        List<StreetSummary> streets = new ArrayList<>();
        byStreet.forEach((s, list) -> streets.add(new StreetSummary(s, district.streets().get(s), summary(list))));
        List<Row> rows = results.stream().filter(r -> status == null || r.status() == status)
                .map(r -> new Row(r.organization().id(), r.organization().name(), r.organization().street(), r.organization().type(),
                        r.organization().hasCommittee(), r.status(), r.requirements(), r.missing()))
                .toList();
        return new ComplianceReport(period.year(), period.quarter(), period.label(), period.start(), period.end(), today,
                summary(results), streets, rows);
    }

    private Summary summary(List<Result> results) {
        int compliant = 0;
        Map<String, int[]> tallies = new LinkedHashMap<>();
        rules.settings().requirements().forEach(r -> tallies.put(r.name(), new int[4]));
        for (Result r : results) {
            if (r.status() == Status.COMPLIANT) {
                compliant++;
            }
            for (RequirementResult q : r.requirements()) {
                int[] t = tallies.computeIfAbsent(q.requirement(), k -> new int[4]);
                t[0] += q.required();
                t[1] += q.met();
                t[2] += q.held();
                t[3] += q.counted();
            }
        }
        Map<String, Tally> requirements = new LinkedHashMap<>();
        tallies.forEach((name, t) -> requirements.put(name, new Tally(t[0], t[1], t[2], t[3])));
        BigDecimal rate = results.isEmpty() ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(compliant).divide(BigDecimal.valueOf(results.size()), 4, RoundingMode.HALF_UP);
        return new Summary(results.size(), compliant, results.size() - compliant, rate, requirements);
    }
}
