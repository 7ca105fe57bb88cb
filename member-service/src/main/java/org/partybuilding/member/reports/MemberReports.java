package org.partybuilding.member.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberDirectory;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.members.Stage;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.member.stages.DevelopmentRules;
import org.partybuilding.platform.security.DataScope;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The member reports of DOMAIN.md §4, within the caller's scope; computed from the members as they are now. */
@Service
public class MemberReports {

    private final ReactiveMongoTemplate mongo;
    private final DevelopmentRules rules;
    private final Clock clock;
    private final MemberDirectory directory;

    public MemberReports(ReactiveMongoTemplate mongo, DevelopmentRules rules, Clock clock, MemberDirectory directory) {
        this.directory = directory;
        this.mongo = mongo;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Counts per stage and who is due for the next step, from the {@link MemberDirectory}: the active
     * members' development state in memory (reading 100,000 member documents per request costs seconds).
     */
    public Mono<PipelineReport> pipeline(String street, String partyOrganizationId, int limit, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Collection<MemberDirectory.Entry> members = directory.matching(MemberAccess.scopedEntries(scope, street, partyOrganizationId));
        return trainingHours(members).map(hours -> {
            Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                byStage.put(s, 0L);
            }
            List<PipelineReport.Entry> activists = new ArrayList<>();
            List<PipelineReport.Entry> targets = new ArrayList<>();
            List<PipelineReport.Entry> probationers = new ArrayList<>();
            List<PipelineReport.Entry> talks = new ArrayList<>();
            for (MemberDirectory.Entry m : members) {
                byStage.merge(m.stage(), 1L, Long::sum);
                LocalDate since = m.dates().of(m.stage());
                switch (m.stage()) {
                    case APPLICANT -> {
                        LocalDate due = m.dates().appliedOn().plusMonths(rules.settings().applicantTalkMonths());
                        if (m.applicantTalkOn() == null && today.isAfter(due)) {
                            talks.add(entry(m, since, due, true, null));
                        }
                    }
                    case ACTIVIST -> {
                        LocalDate from = rules.activistPeriodEnds(since);
                        activists.add(entry(m, since, from, !today.isBefore(from), null));
                    }
                    case DEVELOPMENT_TARGET -> {
                        BigDecimal h = hours.getOrDefault(m.id(), BigDecimal.ZERO);
                        boolean ready = m.partyOrganizationId() != null && h.compareTo(rules.settings().targetTrainingHours()) >= 0;
                        targets.add(entry(m, since, since, ready, h));
                    }
                    case PROBATIONARY -> {
                        LocalDate from = rules.probationEnds(since, m.probationExtendedMonths());
                        probationers.add(entry(m, since, from, !today.isBefore(from), null));
                    }
                    default -> {
                        // formal members are not in the pipeline
                    }
                }
            }
            Map<String, Long> stages = new LinkedHashMap<>();
            byStage.forEach((s, n) -> stages.put(s.name(), n));
            return new PipelineReport(today, stages, due(activists, limit), due(targets, limit), due(probationers, limit),
                    due(talks, limit));
        });
    }

    private static PipelineReport.Entry entry(MemberDirectory.Entry m, LocalDate since, LocalDate from, boolean now, BigDecimal hours) {
        return new PipelineReport.Entry(m.id(), m.name(), m.partyOrganizationId(), m.street(), since, from, now, hours);
    }

    /** Development-target training hours of these members (all such records are read: a long $in list costs more). */
    private Mono<Map<String, BigDecimal>> trainingHours(Collection<MemberDirectory.Entry> members) {
        Set<String> targets = members.stream().filter(m -> m.stage() == Stage.DEVELOPMENT_TARGET).map(MemberDirectory.Entry::id)
                .collect(Collectors.toSet());
        if (targets.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("kind").is(TrainingAttendance.DEVELOPMENT_TARGET_TRAINING)), TrainingAttendance.class)
                .filter(a -> targets.contains(a.memberId()))
                .collect(HashMap::new, (Map<String, BigDecimal> sums, TrainingAttendance a) -> sums.merge(a.memberId(), a.hours(),
                        BigDecimal::add));
    }

    private static PipelineReport.Due due(List<PipelineReport.Entry> entries, int limit) {
        entries.sort(Comparator.comparing(PipelineReport.Entry::eligibleFrom).thenComparing(PipelineReport.Entry::memberId));
        long now = entries.stream().filter(PipelineReport.Entry::eligibleNow).count();
        return new PipelineReport.Due(entries.size(), now, entries.stream().limit(limit).toList());
    }

    public Mono<TransferDueReport> transferDue(String street, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        LocalDate workingSinceAtLatest = today.minusMonths(rules.settings().mobileTransferMonths());
        Query query = Query.query(MemberAccess.scoped(scope, street, null).and("status").is(MemberStatus.ACTIVE)
                .and("mobile.holdsPostInOriginal").is(false).and("mobile.workingSince").lte(workingSinceAtLatest));
        return mongo.find(query, Member.class)
                .filter(m -> m.transfers().stream().noneMatch(t -> t.open() && t.kind() == Transfer.TransferKind.IN))
                .map(m -> new TransferDueReport.Entry(m.id(), m.name(), m.organizationId(), m.street(),
                        m.mobile().originalPartyOrganization(), m.mobile().workingSince(),
                        m.mobile().workingSince().plusMonths(rules.settings().mobileTransferMonths())))
                .sort(Comparator.comparing(TransferDueReport.Entry::dueSince).thenComparing(TransferDueReport.Entry::memberId))
                .collectList().map(list -> new TransferDueReport(today, list.size(), list));
    }
}
