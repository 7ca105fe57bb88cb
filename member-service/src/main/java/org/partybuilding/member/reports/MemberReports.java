package org.partybuilding.member.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.members.Stage;
import org.partybuilding.member.members.StageDates;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.member.stages.DevelopmentRules;
import org.partybuilding.platform.security.DataScope;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The member reports of DOMAIN.md §4, within the caller's scope; computed from the members as they are now. */
@Service
public class MemberReports {

    /** What the pipeline needs of a member: no personal data is read. */
    private static final String[] PIPELINE_FIELDS = {"name", "partyOrganizationId", "street", "stage", "stageDates",
            "probationExtendedMonths", "applicantTalkOn", "status"};

    private final ReactiveMongoTemplate mongo;
    private final DevelopmentRules rules;
    private final Clock clock;

    public MemberReports(ReactiveMongoTemplate mongo, DevelopmentRules rules, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.clock = clock;
    }

    public Mono<PipelineReport> pipeline(String street, String partyOrganizationId, int limit, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Criteria inScope = MemberAccess.scoped(scope, street, partyOrganizationId).and("status").is(MemberStatus.ACTIVE);
        // Counted by the database; only members in development are read, as raw documents with the fields
        // needed (formal members, most of a district, are not in the pipeline; mapping whole members costs seconds).
        Mono<Map<Stage, Long>> counted = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(inScope),
                        Aggregation.group("stage").count().as("n")), Member.COLLECTION, Document.class)
                .collect(() -> new EnumMap<Stage, Long>(Stage.class),
                        (counts, d) -> counts.put(Stage.valueOf(d.getString("_id")), ((Number) d.get("n")).longValue()));
        Query query = Query.query(Criteria.where("stage").ne(Stage.FORMAL.name()).andOperator(inScope));
        query.fields().include(PIPELINE_FIELDS);
        Mono<List<PipelineMember>> developing = mongo.find(query, Document.class, Member.COLLECTION).map(this::pipelineMember)
                .collectList();
        return Mono.zip(counted, developing).flatMap(both -> trainingHours(both.getT2()).map(hours -> {
            List<PipelineMember> members = both.getT2();
            Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                byStage.put(s, both.getT1().getOrDefault(s, 0L));
            }
            List<PipelineReport.Entry> activists = new ArrayList<>();
            List<PipelineReport.Entry> targets = new ArrayList<>();
            List<PipelineReport.Entry> probationers = new ArrayList<>();
            List<PipelineReport.Entry> talks = new ArrayList<>();
            for (PipelineMember m : members) {
                LocalDate since = m.dates().of(m.stage());
                switch (m.stage()) {
                    case APPLICANT -> {
                        LocalDate due = m.dates().appliedOn().plusMonths(rules.settings().applicantTalkMonths());
                        if (m.applicantTalkOn() == null && today.isAfter(due)) {
                            talks.add(m.entry(since, due, true, null));
                        }
                    }
                    case ACTIVIST -> {
                        LocalDate from = rules.activistPeriodEnds(since);
                        activists.add(m.entry(since, from, !today.isBefore(from), null));
                    }
                    case DEVELOPMENT_TARGET -> {
                        BigDecimal h = hours.getOrDefault(m.id(), BigDecimal.ZERO);
                        boolean ready = m.partyOrganizationId() != null && h.compareTo(rules.settings().targetTrainingHours()) >= 0;
                        targets.add(m.entry(since, since, ready, h));
                    }
                    case PROBATIONARY -> {
                        LocalDate from = rules.probationEnds(since, m.probationExtendedMonths());
                        probationers.add(m.entry(since, from, !today.isBefore(from), null));
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
        }));
    }

    /** What the pipeline reads of a member. */
    private record PipelineMember(String id, String name, String partyOrganizationId, String street, Stage stage,
            StageDates dates, Integer probationExtendedMonths, LocalDate applicantTalkOn) {

        PipelineReport.Entry entry(LocalDate since, LocalDate from, boolean now, BigDecimal hours) {
            return new PipelineReport.Entry(id, name, partyOrganizationId, street, since, from, now, hours);
        }
    }

    private PipelineMember pipelineMember(Document d) {
        Document dates = d.get("stageDates", Document.class);
        return new PipelineMember(String.valueOf(d.get("_id")), d.getString("name"), d.getString("partyOrganizationId"),
                d.getString("street"), Stage.valueOf(d.getString("stage")),
                new StageDates(date(dates, "appliedOn"), date(dates, "activistOn"), date(dates, "targetOn"),
                        date(dates, "admittedOn"), date(dates, "confirmedOn")),
                d.getInteger("probationExtendedMonths"), date(d, "applicantTalkOn"));
    }

    /** A stored date read back the way the mapping layer wrote it. */
    private LocalDate date(Document d, String field) {
        Object value = d == null ? null : d.get(field);
        return value == null ? null : mongo.getConverter().getConversionService().convert(value, LocalDate.class);
    }

    private Mono<Map<String, BigDecimal>> trainingHours(List<PipelineMember> members) {
        List<String> targets = members.stream().filter(m -> m.stage() == Stage.DEVELOPMENT_TARGET).map(PipelineMember::id).toList();
        if (targets.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("memberId").in(targets).and("kind")
                        .is(TrainingAttendance.DEVELOPMENT_TARGET_TRAINING)), TrainingAttendance.class)
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
