package org.partybuilding.training.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.training.access.TrainingAccess;
import org.partybuilding.training.compliance.TrainingSettings;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.TrainingChanges;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.ledger.TrainingLedger;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records organizational life (rule 13) and lists it within the caller's scope. */
@Service
public class ActivityService {

    public static final String RULE_13_MEMBERS = "RULE_13_ATTENDEES_MUST_BE_MEMBERS";
    public static final String RULE_12_COMMITTEE_MEETING = "RULE_12_COMMITTEE_MEETING_NEEDS_A_COMMITTEE";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("heldOn"), Sort.Order.asc("_id"));
    /** The audit trail's name for organizational-life records, and what recording one is called there. */
    public static final String RESOURCE = "Activity";
    static final String ACTIVITY_RECORDED = "ACTIVITY_RECORDED";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final TrainingSettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    private final TrainingChanges changes;

    public ActivityService(ReactiveMongoTemplate mongo, OutboxRelay relay, Directory directory, TrainingLedger ledger,
            TrainingSettings settings, Clock clock, AuditTrail audit, TrainingChanges changes) {
        this.changes = changes;
        this.audit = audit;
        this.mongo = mongo;
        this.relay = relay;
        this.directory = directory;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Activity> record(RecordActivity r, DataScope scope) {
        return Mono.fromCallable(() -> prepare(r, scope))
                .flatMap(activity -> audit.insert(activity, audit.created(Actor.of(scope), ACTIVITY_RECORDED, RESOURCE, activity.id(),
                        activity, Set.of("recordedBy", "recordedAt"))))
                .doOnSuccess(saved -> {
                    ledger.recordActivity(saved.id(), saved.partyOrganizationId(), saved.kind(), saved.heldOn(),
                            saved.lecturedBySecretary(), saved.flags().contains(Activity.NO_QUORUM), saved.attendeeIds(),
                            saved.hours());
                    relay.wakeUp();
                })
                // the other instances read it before their next answer
                .flatMap(saved -> changes.changed(TrainingChanges.Kind.ACTIVITY, saved.id()).thenReturn(saved));
    }

    /** Every check of the record, then the document to insert with {@code ActivityRecorded} in its outbox. */
    private Activity prepare(RecordActivity r, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>(ActivityRules.check(r, today));
        KnownPartyOrganization p = directory.partyOrganization(r.partyOrganizationId()).orElse(null);
        if (p == null) {
            errors.add(new FieldError("partyOrganizationId", "is not a known party organization"));
        }
        String lecturer = blankToNull(r.lecturerMemberId());
        KnownMember lecturerMember = directory.member(lecturer).filter(KnownMember::active).orElse(null);
        if (lecturer != null && lecturerMember == null) {
            errors.add(new FieldError("lecturerMemberId", "is not an active member"));
        }
        if (p != null && p.establishedOn() != null && r.heldOn().isBefore(p.establishedOn())) {
            errors.add(new FieldError("heldOn", "is before the party organization was established (" + p.establishedOn() + ")"));
        }
        if (p != null) {
            TrainingAccess.requireRecord(scope, p);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!p.active() && (p.dissolvedOn() == null || r.heldOn().isAfter(p.dissolvedOn()))) {
            throw new ConflictException("Party organization " + p.id() + " was dissolved on " + p.dissolvedOn());
        }
        if (!ActivityRules.mayHold(r.kind(), p.hasCommittee())) {
            throw new DomainRuleViolation(RULE_12_COMMITTEE_MEETING, "Rule 12: a committee meeting (支委会) is held by an elected "
                    + "committee; party organization " + p.id() + " has none (with fewer than 7 formal members it has a "
                    + "secretary and no committee, rule 5)", Map.of("partyOrganizationId", p.id(), "committee", false));
        }
        List<String> nonMembers = ActivityRules.nonMembers(r,
                id -> directory.member(id).map(m -> m.partyMemberOf(p.id())).orElse(false));
        if (!nonMembers.isEmpty()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("partyOrganizationId", p.id());
            facts.put("nonMembers", nonMembers);
            throw new DomainRuleViolation(RULE_13_MEMBERS, "Rule 13: only party members of party organization " + p.id()
                    + " may be listed; not members of it: " + String.join(", ", nonMembers), facts);
        }
        int partyMembers = directory.partyMembers(p.id());
        Boolean quorum = ActivityRules.quorum(r.kind(), r.attendeeIds().size(), partyMembers, settings.quorumShare());
        BigDecimal hours = r.hours() != null ? r.hours() : settings.activityHours(r.kind());
        return new Activity(UUID.randomUUID().toString(), 1, p.id(), p.street(), r.kind(), r.heldOn(), r.heldOn().getYear(),
                r.topic().trim(), lecturer, lecturer != null && p.isSecretary(lecturer), r.attendeeIds(), r.absentees(),
                partyMembers, quorum, Boolean.FALSE.equals(quorum) ? List.of(Activity.NO_QUORUM) : List.of(),
                hours.setScale(2), scope.username(), clock.instant(), List.of()).withOutbox();
    }

    /** The record's audit trail, newest first, for whoever may read the record. */
    public Mono<PageResponse<AuditRecord>> history(String id, PageQuery page, DataScope scope) {
        return find(id, scope).flatMap(a -> audit.history(Activity.COLLECTION, id, page));
    }

    public Mono<Activity> find(String id, DataScope scope) {
        return NotFoundException.unlessOutOfScope(mongo.findById(id, Activity.class),
                a -> TrainingAccess.mayRead(scope, a.street(), a.partyOrganizationId()), "Activity", id);
    }

    public Mono<PageResponse<Activity>> list(String partyOrganizationId, String street, ActivityKind kind, Integer year,
            String flag, PageQuery page, DataScope scope) {
        Criteria criteria = criteria(partyOrganizationId, street, kind, year, flag, scope);
        Query items = Query.query(criteria).with(NEWEST_FIRST).skip(page.offset()).limit(page.size());
        items.fields().exclude("outbox");
        return Mono.zip(mongo.find(items, Activity.class).collectList(), mongo.count(Query.query(criteria), Activity.class))
                .map(result -> PageResponse.of(result.getT1(), page, result.getT2()));
    }

    /** Every activity of the list's filters within the caller's scope, newest first: for exports. */
    public Flux<Activity> all(String partyOrganizationId, String street, ActivityKind kind, Integer year, String flag,
            DataScope scope) {
        return Mono.fromCallable(() -> criteria(partyOrganizationId, street, kind, year, flag, scope)).flatMapMany(criteria -> {
            Query items = Query.query(criteria).with(NEWEST_FIRST);
            items.fields().exclude("outbox");
            return mongo.find(items, Activity.class);
        });
    }

    private static Criteria criteria(String partyOrganizationId, String street, ActivityKind kind, Integer year, String flag,
            DataScope scope) {
        TrainingAccess.ReportScope within = TrainingAccess.reportScope(scope, street, partyOrganizationId);
        Criteria criteria = new Criteria();
        if (within.street() != null) {
            criteria.and("street").is(within.street());
        }
        if (within.partyOrganizationId() != null) {
            criteria.and("partyOrganizationId").is(within.partyOrganizationId());
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (year != null) {
            criteria.and("year").is(year);
        }
        if (flag != null) {
            criteria.and("flags").is(flag);
        }
        return criteria;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
