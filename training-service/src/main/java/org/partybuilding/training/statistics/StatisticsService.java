package org.partybuilding.training.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.training.access.TrainingAccess;
import org.partybuilding.training.compliance.TrainingSettings;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.ledger.TrainingLedger;
import org.partybuilding.training.records.YearlyHours;
import org.partybuilding.training.statistics.TrainingStatistics.Figures;
import org.partybuilding.training.statistics.TrainingStatistics.Group;
import org.partybuilding.training.statistics.TrainingStatistics.MemberWithoutTraining;
import org.springframework.stereotype.Service;

/** Person-times, hours and members without training, from the in-memory members and ledger. */
@Service
public class StatisticsService {

    private final Directory directory;
    private final TrainingLedger ledger;
    private final YearlyHours yearlyHours;
    private final District district;

    public StatisticsService(Directory directory, TrainingLedger ledger, TrainingSettings settings, District district) {
        this.directory = directory;
        this.ledger = ledger;
        this.yearlyHours = new YearlyHours(settings);
        this.district = district;
    }

    public TrainingStatistics statistics(int year, String street, String partyOrganizationId, int limit, DataScope scope) {
        TrainingAccess.ReportScope within = TrainingAccess.reportScope(scope, street, partyOrganizationId);
        Set<String> leaders = directory.leaders();
        Tally total = new Tally();
        Map<String, Tally> byStreet = new TreeMap<>();
        Map<String, Tally> byPartyOrganization = new TreeMap<>();
        List<MemberWithoutTraining> without = new ArrayList<>();
        for (KnownMember m : directory.members()) {
            if (!m.active() || !within.includes(m)) {
                continue;
            }
            TrainingLedger.Totals t = ledger.totals(m.id(), year);
            boolean partyMember = m.partyMember();
            boolean noTraining = partyMember && t.trainings() == 0;
            boolean below = partyMember && !yearlyHours.met(t.hours(), leaders.contains(m.id()));
            if (!partyMember && t.personTimes() == 0) {
                continue;
            }
            total.add(partyMember, t, noTraining, below);
            byStreet.computeIfAbsent(m.street() == null ? "" : m.street(), k -> new Tally()).add(partyMember, t, noTraining, below);
            byPartyOrganization.computeIfAbsent(m.partyOrganizationId() == null ? "" : m.partyOrganizationId(), k -> new Tally())
                    .add(partyMember, t, noTraining, below);
            if (noTraining) {
                without.add(new MemberWithoutTraining(m.id(), m.name(), m.partyOrganizationId(), m.street(), t.hours()));
            }
        }
        without.sort(Comparator.comparing((MemberWithoutTraining w) -> w.street() == null ? "" : w.street())
                .thenComparing(w -> w.partyOrganizationId() == null ? "" : w.partyOrganizationId())
                .thenComparing(w -> w.name() == null ? "" : w.name()).thenComparing(MemberWithoutTraining::memberId));
        List<Group> streets = new ArrayList<>();
        byStreet.forEach((k, t) -> streets.add(new Group(k, district.streets().get(k), t.figures())));
        List<Group> organizations = new ArrayList<>();
        byPartyOrganization.forEach((k, t) -> organizations.add(new Group(k,
                directory.partyOrganization(k).map(p -> p.name()).orElse(null), t.figures())));
        return new TrainingStatistics(year, total.figures(), streets, organizations, without.stream().limit(limit).toList());
    }

    private static final class Tally {
        int partyMembers;
        int trainings;
        int activities;
        long hundredths;
        int withoutTraining;
        int belowMinimum;

        void add(boolean partyMember, TrainingLedger.Totals t, boolean noTraining, boolean below) {
            partyMembers += partyMember ? 1 : 0;
            trainings += t.trainings();
            activities += t.activities();
            hundredths += t.trainingHundredths() + t.activityHundredths();
            withoutTraining += noTraining ? 1 : 0;
            belowMinimum += below ? 1 : 0;
        }

        Figures figures() {
            return new Figures(partyMembers, trainings + activities, trainings, activities, BigDecimal.valueOf(hundredths, 2),
                    withoutTraining, belowMinimum);
        }
    }
}
