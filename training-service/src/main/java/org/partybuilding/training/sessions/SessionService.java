package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.outbox.VersionedWrites;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.training.access.TrainingAccess;
import org.partybuilding.training.activities.ActivityService;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.TrainingChanges;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.ledger.TrainingLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Training courses and their attendance: one record per member and session, hours corrected by a newer version. */
@Service
public class SessionService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startsOn"), Sort.Order.asc("_id"));
    /** The audit trail's names for courses and attendance records. */
    public static final String SESSION = "TrainingSession";
    public static final String ATTENDANCE = "TrainingAttendance";
    /** Who recorded it and when: the audit record's actor and time say it. */
    static final Set<String> BOOKKEEPING = Set.of("recordedBy", "recordedAt", "createdBy");

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final VersionedWrites writes;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final District district;
    private final Clock clock;
    private final AuditTrail audit;

    private final TrainingChanges changes;

    public SessionService(ReactiveMongoTemplate mongo, OutboxRelay relay, VersionedWrites writes, Directory directory,
            TrainingLedger ledger, District district, Clock clock, AuditTrail audit, TrainingChanges changes) {
        this.changes = changes;
        this.mongo = mongo;
        this.relay = relay;
        this.writes = writes;
        this.directory = directory;
        this.ledger = ledger;
        this.district = district;
        this.clock = clock;
        this.audit = audit;
    }

    public Mono<TrainingSession> create(CreateSession c, DataScope scope) {
        List<FieldError> errors = new ArrayList<>();
        if (c.endsOn().isBefore(c.startsOn())) {
            errors.add(new FieldError("endsOn", "must not be before startsOn"));
        }
        String street = blankToNull(c.street());
        if (street != null && !district.hasStreet(street)) {
            errors.add(new FieldError("street", "is not a street of the district"));
        }
        if (scope.has(Role.STREET_ADMIN) && !scope.hasAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN)) {
            // A street committee runs courses for its own street; district courses are the district's.
            if (street != null && !street.equals(scope.street())) {
                throw new AccessDeniedException("Street " + street + " is outside your data scope");
            }
            street = scope.street();
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        TrainingSession session = new TrainingSession(UUID.randomUUID().toString(), 1, c.title().trim(), c.kind(),
                c.organizer().trim(), street, c.startsOn(), c.endsOn(), c.hours().setScale(2), blankToNull(c.location()),
                scope.username(), clock.instant());
        return audit.insert(session, audit.created(Actor.of(scope), SessionAction.SESSION_CREATED.name(), SESSION, session.id(),
                session, BOOKKEEPING));
    }

    public Mono<TrainingSession> find(String id) {
        return mongo.findById(id, TrainingSession.class).switchIfEmpty(Mono.error(() -> new NotFoundException("Training session", id)));
    }

    /** A course the caller may see (another street's course is 404, as if it did not exist). */
    public Mono<TrainingSession> find(String id, DataScope scope) {
        TrainingAccess.CourseScope within = courseScope(scope, null);
        return NotFoundException.unlessOutOfScope(mongo.findById(id, TrainingSession.class), s -> within.includes(s.street()),
                "Training session", id);
    }

    /** The session's audit records, newest first, for whoever may see the session. */
    public Mono<PageResponse<AuditRecord>> history(String id, PageQuery page, DataScope scope) {
        return find(id, scope).flatMap(s -> audit.history(TrainingSession.COLLECTION, id, page));
    }

    private TrainingAccess.CourseScope courseScope(DataScope scope, String street) {
        String ownStreet = directory.partyOrganization(scope.partyOrganizationId()).map(KnownPartyOrganization::street).orElse(null);
        return TrainingAccess.courseScope(scope, street, ownStreet);
    }

    public Mono<PageResponse<TrainingSession>> list(TrainingKind kind, Integer year, String street, PageQuery page, DataScope scope) {
        return Mono.fromCallable(() -> criteria(kind, year, street, scope)).flatMap(criteria -> {
            Query items = Query.query(criteria).with(NEWEST_FIRST).skip(page.offset()).limit(page.size());
            return Mono.zip(mongo.find(items, TrainingSession.class).collectList(),
                            mongo.count(Query.query(criteria), TrainingSession.class))
                    .map(result -> PageResponse.of(result.getT1(), page, result.getT2()));
        });
    }

    /** Every course of the list's filters within the caller's scope, newest first: for exports. */
    public Flux<TrainingSession> all(TrainingKind kind, Integer year, String street, DataScope scope) {
        return Mono.fromCallable(() -> criteria(kind, year, street, scope))
                .flatMapMany(criteria -> mongo.find(Query.query(criteria).with(NEWEST_FIRST), TrainingSession.class));
    }

    private Criteria criteria(TrainingKind kind, Integer year, String street, DataScope scope) {
        String wanted = blankToNull(street);
        if (wanted != null && !district.hasStreet(wanted)) {
            throw new InvalidInputException("street", "is not a street of the district");
        }
        TrainingAccess.CourseScope within = courseScope(scope, wanted);
        Criteria criteria = new Criteria();
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (year != null) {
            criteria.and("startsOn").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31));
        }
        if (within.every()) {
            if (within.street() != null) {
                criteria.and("street").is(within.street());
            }
        } else if (within.withDistrictCourses()) {
            criteria.orOperator(Criteria.where("street").is(null), Criteria.where("street").is(within.street()));
        } else {
            criteria.and("street").is(within.street());
        }
        return criteria;
    }

    /** The attendance of a session that the caller may see (members of their street or party organization). */
    public Mono<List<Attendance>> attendance(String sessionId, DataScope scope) {
        return find(sessionId, scope).flatMapMany(s -> mongo.find(Query.query(Criteria.where("sessionId").is(sessionId))
                        .with(Sort.by("memberId")), Attendance.class))
                .filter(a -> scope.districtWide() || directory.member(a.memberId()).map(m -> TrainingAccess.mayRead(scope, m))
                        .orElse(false))
                .collectList();
    }

    /**
     * Records who attended: every member is checked first (unknown or inactive ones refuse the whole
     * request, naming them; so do members outside the caller's scope), then each member's record is
     * created, corrected (other hours) or left as it is.
     */
    public Mono<AttendanceResult> attend(String sessionId, RecordAttendance r, DataScope scope) {
        return find(sessionId, scope).flatMap(session -> {
            BigDecimal hours = (r.hours() != null ? r.hours() : session.hours()).setScale(2);
            check(session, r, hours, scope);
            LocalDate on = session.startsOn();
            return Flux.fromIterable(r.memberIds())
                    .concatMap(memberId -> attendOne(session, directory.member(memberId).orElseThrow(), hours, on, Actor.of(scope)))
                    .collectList()
                    .map(entries -> AttendanceResult.of(session.id(), hours, entries))
                    .doFinally(signal -> relay.wakeUp());
        });
    }

    private void check(TrainingSession session, RecordAttendance r, BigDecimal hours, DataScope scope) {
        if (session.startsOn().isAfter(LocalDate.now(clock))) {
            throw new ConflictException("Training session " + session.id() + " starts on " + session.startsOn()
                    + "; attendance is recorded once it has begun");
        }
        List<FieldError> errors = new ArrayList<>();
        if (hours.compareTo(session.hours()) > 0) {
            errors.add(new FieldError("hours", "must not exceed the session's " + session.hours().toPlainString() + " hours"));
        }
        Set<String> seen = new HashSet<>();
        for (String id : r.memberIds()) {
            if (!seen.add(id)) {
                errors.add(new FieldError("memberIds", "lists " + id + " twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (session.street() != null && !scope.mayWrite(session.street()) && !scope.has(Role.BRANCH_SECRETARY)) {
            throw new AccessDeniedException("Training session " + session.id() + " belongs to street " + session.street());
        }
        // District training may list any member of the district (rule 13), but only members.
        List<String> nonMembers = r.memberIds().stream()
                .filter(id -> directory.member(id).filter(KnownMember::active).isEmpty()).toList();
        if (!nonMembers.isEmpty()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("sessionId", session.id());
            facts.put("nonMembers", nonMembers);
            throw new DomainRuleViolation(ActivityService.RULE_13_MEMBERS, "Rule 13: only active members may attend training; "
                    + "not members: " + String.join(", ", nonMembers), facts);
        }
        long outside = r.memberIds().stream().filter(id -> !TrainingAccess.mayRecord(scope, directory.member(id).orElseThrow())).count();
        if (outside > 0) {
            throw new AccessDeniedException(outside + " of the members are outside your data scope");
        }
    }

    private Mono<AttendanceResult.Entry> attendOne(TrainingSession session, KnownMember m, BigDecimal hours, LocalDate on,
            Actor actor) {
        String by = actor.username();
        String id = Attendance.id(session.id(), m.id());
        Mono<AttendanceResult.Entry> existing = mongo.findById(id, Attendance.class).flatMap(current -> {
            if (current.hours().compareTo(hours) == 0) {
                return Mono.just(new AttendanceResult.Entry(m.id(), current.hours(), current.version(), AttendanceResult.Outcome.UNCHANGED));
            }
            Attendance next = current.withHours(hours, by, clock.instant());
            AuditRecord record = audit.changed(actor, SessionAction.ATTENDANCE_CORRECTED.name(), ATTENDANCE, id, current, next, null,
                    BOOKKEEPING);
            return writes.update(id, current.version(), next, List.of(OutboxEvent.of(EventType.TRAINING_ATTENDED, next.snapshot())),
                            record)
                    .doOnSuccess(saved -> ledger.recordAttendance(id, next.version(), m.id(), on, hours))
                    .flatMap(saved -> changes.changed(TrainingChanges.Kind.ATTENDANCE, id).thenReturn(saved))
                    .map(saved -> new AttendanceResult.Entry(m.id(), hours, next.version(), AttendanceResult.Outcome.CORRECTED));
        });
        Attendance created = new Attendance(id, 1, session.id(), m.id(), session.kind(), hours, on, m.partyOrganizationId(), m.street(),
                by, clock.instant(), List.of()).withOutbox();
        Mono<AttendanceResult.Entry> insert = audit.insert(created, audit.created(actor, SessionAction.ATTENDANCE_RECORDED.name(),
                        ATTENDANCE, id, created, BOOKKEEPING))
                .doOnSuccess(saved -> ledger.recordAttendance(id, 1, m.id(), on, hours))
                .flatMap(saved -> changes.changed(TrainingChanges.Kind.ATTENDANCE, id).thenReturn(saved))
                .map(saved -> new AttendanceResult.Entry(m.id(), hours, 1, AttendanceResult.Outcome.CREATED));
        // Two requests for the same member at once: the second insert collides on _id and reads the first one's record.
        return existing.switchIfEmpty(insert.onErrorResume(DuplicateKeyException.class, e -> existing));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
