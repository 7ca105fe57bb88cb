package org.partybuilding.member.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.member.dues.DuesRules;
import org.partybuilding.member.dues.PaidMonths;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberDirectory;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.member.development.DevelopmentRules;
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
    private final DuesRules dues;
    private final PaidMonths paidMonths;

    public MemberReports(ReactiveMongoTemplate mongo, DevelopmentRules rules, Clock clock, MemberDirectory directory, DuesRules dues,
            PaidMonths paidMonths) {
        this.directory = directory;
        this.paidMonths = paidMonths;
        this.mongo = mongo;
        this.rules = rules;
        this.clock = clock;
        this.dues = dues;
    }

    /**
     * Rule 11's arrears list: active party members in scope with {@code member.dues.arrears-months} or more consecutive
     * months unpaid before the current month, counted from the later of their admission and the month they came under
     * the platform — never before. Longest unpaid first. From the {@link MemberDirectory} and the months paid as this
     * instance holds them ({@link PaidMonths}, brought up to every payment counted before the request): nothing of the
     * members or their payments is read per request.
     */
    public Mono<List<ArrearsEntry>> arrears(String street, String partyOrganizationId, DataScope scope) {
        return arrearsInAnyOrder(directory.matching(MemberAccess.scopedEntries(scope, street, partyOrganizationId))).map(inArrears -> {
            List<ArrearsEntry> longestFirst = new ArrayList<>(inArrears);
            longestFirst.sort(Comparator.comparing(ArrearsEntry::unpaidSince).thenComparing(ArrearsEntry::name,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ArrearsEntry::memberId));
            return longestFirst;
        });
    }

    /**
     * The active members in the caller's scope, as the directory holds them now: the work inbox takes them once and
     * hands them to each of its parts (each part walking all 100,000 entries again costs more than the part itself).
     */
    public Collection<MemberDirectory.Entry> inScope(DataScope scope) {
        return directory.matching(MemberAccess.scopedEntries(scope, null, null));
    }

    /** As {@link #arrears} among these members (see {@link #inScope}), in no particular order: for the work inbox. */
    public Mono<List<ArrearsEntry>> arrearsInAnyOrder(Collection<MemberDirectory.Entry> members) {
        YearMonth current = YearMonth.now(clock);
        YearMonth latestOwedFrom = dues.latestOwedFromInArrears(current);
        List<MemberDirectory.Entry> candidates = new ArrayList<>();
        List<YearMonth> owedFrom = new ArrayList<>();
        for (MemberDirectory.Entry m : members) {
            if (m.stage().partyMember() && m.dates().admittedOn() != null) {
                YearMonth from = dues.owedFrom(m.dates().admittedOn(), m.onPlatformSince());
                if (!from.isAfter(latestOwedFrom)) {
                    candidates.add(m);
                    owedFrom.add(from);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Mono.just(List.of());
        }
        return paidMonths.current().map(paid -> {
            List<ArrearsEntry> inArrears = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                MemberDirectory.Entry m = candidates.get(i);
                YearMonth from = owedFrom.get(i);
                YearMonth lastPaid = paid.lastPaidBefore(m.id(), current);
                int unpaid = dues.unpaidMonths(from, current, lastPaid);
                if (dues.inArrears(unpaid)) {
                    inArrears.add(new ArrearsEntry(m.id(), m.name(), m.organizationId(), m.street(), m.partyOrganizationId(),
                            m.stage(), from, lastPaid, current.minusMonths(unpaid), unpaid));
                }
            }
            return inArrears;
        });
    }

    /**
     * Counts per stage and who is due for the next step, from the {@link MemberDirectory}: the active
     * members' development state in memory (reading 100,000 member documents per request costs seconds).
     */
    public Mono<PipelineReport> pipeline(String street, String partyOrganizationId, int limit, DataScope scope) {
        return pipeline(directory.matching(MemberAccess.scopedEntries(scope, street, partyOrganizationId)), limit, true);
    }

    /**
     * As {@link #pipeline} among these members (see {@link #inScope}) with every member due in each list, in no
     * particular order: for the work inbox, which orders its items itself (sorting tens of thousands of entries twice
     * per request costs more than the rest of it).
     */
    public Mono<PipelineReport> pipelineInAnyOrder(Collection<MemberDirectory.Entry> members) {
        return pipeline(members, Integer.MAX_VALUE, false);
    }

    private Mono<PipelineReport> pipeline(Collection<MemberDirectory.Entry> members, int limit, boolean ordered) {
        LocalDate today = LocalDate.now(clock);
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
            return new PipelineReport(today, stages, due(activists, limit, ordered), due(targets, limit, ordered),
                    due(probationers, limit, ordered), due(talks, limit, ordered));
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
        Query query = Query.query(Criteria.where("kind").is(TrainingAttendance.DEVELOPMENT_TARGET_TRAINING));
        query.fields().include("memberId", "hours");
        return mongo.find(query, org.bson.Document.class, TrainingAttendance.COLLECTION)
                .filter(a -> targets.contains(a.getString("memberId")))
                .collect(HashMap::new, (Map<String, BigDecimal> sums, org.bson.Document a) -> sums.merge(a.getString("memberId"),
                        hours(a.get("hours")), BigDecimal::add));
    }

    private BigDecimal hours(Object stored) {
        return stored == null ? null : mongo.getConverter().getConversionService().convert(stored, BigDecimal.class);
    }

    private static PipelineReport.Due due(List<PipelineReport.Entry> entries, int limit, boolean ordered) {
        if (ordered) {
            entries.sort(Comparator.comparing(PipelineReport.Entry::eligibleFrom).thenComparing(PipelineReport.Entry::memberId));
        }
        long now = entries.stream().filter(PipelineReport.Entry::eligibleNow).count();
        return new PipelineReport.Due(entries.size(), now, List.copyOf(entries.size() > limit ? entries.subList(0, limit) : entries));
    }

    /**
     * Rule 9's transfer-due list: active mobile members working here {@code member.rules.mobile-transfer-months} or
     * more, holding no post in their original party organization, without a transfer in requested; from the
     * {@link MemberDirectory} (a range of dates among 100,000 members would read them all on every inbox call).
     */
    public Mono<TransferDueReport> transferDue(String street, DataScope scope) {
        Predicate<MemberDirectory.Entry> scoped = MemberAccess.scopedEntries(scope, street, null);
        return Mono.fromSupplier(() -> transferDueAmong(directory.matching(m -> m.mobile() != null && scoped.test(m))));
    }

    /** As {@link #transferDue} among these members (see {@link #inScope}). */
    public TransferDueReport transferDueAmong(Collection<MemberDirectory.Entry> members) {
        LocalDate today = LocalDate.now(clock);
        int months = rules.settings().mobileTransferMonths();
        LocalDate workingSinceAtLatest = today.minusMonths(months);
        List<TransferDueReport.Entry> due = members.stream()
                .filter(m -> m.mobile() != null && Boolean.FALSE.equals(m.mobile().holdsPostInOriginal())
                        && m.mobile().workingSince() != null && !m.mobile().workingSince().isAfter(workingSinceAtLatest)
                        && m.transfers().stream().noneMatch(t -> t.open() && t.kind() == Transfer.TransferKind.IN))
                .map(m -> new TransferDueReport.Entry(m.id(), m.name(), m.organizationId(), m.street(),
                        m.mobile().originalPartyOrganization(), m.mobile().workingSince(),
                        m.mobile().workingSince().plusMonths(months), m.partyOrganizationId()))
                .sorted(Comparator.comparing(TransferDueReport.Entry::dueSince).thenComparing(TransferDueReport.Entry::memberId))
                .toList();
        return new TransferDueReport(today, due.size(), due);
    }

    /**
     * The members among these (see {@link #inScope}) flagged {@code transferRequired} (their party organization was
     * dissolved: rules 6 and 10).
     */
    public List<MemberDirectory.Entry> transferRequiredAmong(Collection<MemberDirectory.Entry> members) {
        return members.stream().filter(MemberDirectory.Entry::transferRequired).toList();
    }
}
