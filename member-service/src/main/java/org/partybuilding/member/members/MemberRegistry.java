package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.member.context.Context;
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.context.Placement;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.outbox.VersionedWrites;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldChecks;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.problem.UnknownFields;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers, reads, lists and changes members within the caller's data scope. Every way in obeys the same rules:
 * a registration at a later stage passes the stage gate of rule 8 ({@link DevelopmentRules#requireHistory}), a member
 * is placed in the party organization of their employer (rule 7a, {@link Placement}), an update cannot touch the
 * stage, and every write keeps its audit record in the same single-document write ({@link MemberAudit}).
 */
@Service
public class MemberRegistry {

    /** Where the fields an update cannot change are changed. */
    static final Map<String, String> NOT_BY_UPDATE;

    static {
        String stage = "changes only through POST /api/members/{id}/stage-transitions; a wrongly recorded date through "
                + "POST /api/members/{id}/corrections";
        Map<String, String> hints = new java.util.LinkedHashMap<>();
        for (String field : List.of("stage", "appliedOn", "activistOn", "targetOn", "admittedOn", "confirmedOn")) {
            hints.put(field, stage);
        }
        hints.put("probationExtendedMonths", "changes only through POST /api/members/{id}/stage-transitions (PROBATION_EXTENDED)");
        hints.put("status", "changes only through a stage transition to LEFT or a transfer OUT_OF_DISTRICT");
        hints.put("leftOn", "changes only through a stage transition to LEFT or a transfer OUT_OF_DISTRICT");
        hints.put("transferRequired", "changes only through POST /api/members/{id}/transfers");
        hints.put("transfers", "change only through POST /api/members/{id}/transfers");
        hints.put("partyOrganizationSince", "is the day the member was placed in the party organization; it changes with it");
        NOT_BY_UPDATE = Map.copyOf(hints);
    }

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final VersionedWrites writes;
    private final PersonalData personalData;
    private final Context context;
    private final DevelopmentRules rules;
    private final Validator validator;
    private final Clock clock;
    private final MemberDirectory directory;
    private final MemberAudit audit;

    public MemberRegistry(ReactiveMongoTemplate mongo, OutboxRelay relay, VersionedWrites writes, PersonalData personalData,
            Context context, DevelopmentRules rules, Validator validator, Clock clock, MemberDirectory directory, MemberAudit audit) {
        this.directory = directory;
        this.mongo = mongo;
        this.relay = relay;
        this.writes = writes;
        this.personalData = personalData;
        this.context = context;
        this.rules = rules;
        this.validator = validator;
        this.clock = clock;
        this.audit = audit;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The instant of a change, in the milliseconds MongoDB stores. */
    public Instant now() {
        return clock.instant();
    }

    /** A member inserted by a bulk import. */
    public void inserted(Member member) {
        directory.put(member);
    }

    /** Where a member is placed: the employer's street and the party organization the member belongs to (if any). */
    public record Placed(String street, KnownPartyOrganization partyOrganization) {

        public String partyOrganizationId() {
            return partyOrganization == null ? null : partyOrganization.id();
        }
    }

    public Mono<Member> register(RegisterMember registration, DataScope scope) {
        UnknownFields.refuse(registration.unknown(), Map.of());
        List<FieldError> errors = problems(registration);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        ResidentId id = ResidentId.parse(registration.idNumber(), today()).id().orElseThrow();
        requireStageHistory(registration, id);
        return placed(registration.details().organizationId(), blankToNull(registration.partyOrganizationId()), scope)
                .flatMap(placed -> mongo.insert(newMember(registration, id, personalData.idNumberHash(id.value()), placed,
                        partyOrganizationSince(registration, placed), Actor.of(scope), MemberAction.REGISTERED)))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateIdNumber())
                .doOnSuccess(saved -> {
                    directory.put(saved);
                    relay.wakeUp();
                });
    }

    /** What is wrong with a registration's fields and dates (not yet: its employer, party organization, the rules' intervals). */
    public List<FieldError> problems(RegisterMember registration) {
        MemberDetails details = registration.details();
        List<FieldError> errors = new ArrayList<>(FieldChecks.errors(validator, details));
        if (errors.isEmpty()) {
            errors.addAll(checkPerson(details));
        }
        if (registration.stage() == null) {
            errors.add(new FieldError("stage", "must not be null"));
        } else {
            errors.addAll(rules.checkDates(registration.stage(), registration.stageDates(), today()));
        }
        if (registration.partyOrganizationSince() != null && registration.partyOrganizationSince().isAfter(today())) {
            errors.add(new FieldError("partyOrganizationSince", "must not be in the future"));
        }
        return errors;
    }

    /**
     * Rule 8 for a member registered or imported at a later stage (422 naming the rule, as the transition does): 18 at
     * application, and every stage reached checked as its transition would be. No training can have been recorded for
     * someone not yet registered, so an admission from the training-records start date on is refused.
     */
    public void requireStageHistory(RegisterMember registration, ResidentId id) {
        rules.requireAgeAtApplication(id.birthDate(), registration.appliedOn());
        rules.requireHistory(registration.stage(), registration.stageDates(), BigDecimal.ZERO, null);
    }

    /** The day a new member joined their party organization: the date recorded with them, else the day of registration. */
    public LocalDate partyOrganizationSince(RegisterMember registration, Placed placed) {
        LocalDate recorded = registration.partyOrganizationSince();
        if (recorded == null) {
            return placed.partyOrganization() == null ? null : today();
        }
        if (placed.partyOrganization() == null) {
            throw new InvalidInputException("partyOrganizationSince", "the member belongs to no party organization");
        }
        LocalDate established = placed.partyOrganization().establishedOn();
        if (established != null && recorded.isBefore(established)) {
            throw new InvalidInputException("partyOrganizationSince", "must not be before the party organization was established ("
                    + established + ")");
        }
        return recorded;
    }

    /**
     * A new active member at version 1, sealed, with {@code MemberRegistered} in its outbox and its first audit record;
     * the ID number already read and hashed (an import has done both to check the row).
     */
    public Member newMember(RegisterMember registration, ResidentId id, String idNumberHash, Placed placed,
            LocalDate partyOrganizationSince, Actor actor, MemberAction action) {
        MemberDetails details = registration.details();
        var now = clock.instant();
        Member member = new Member(UUID.randomUUID().toString(), 1, details.name().trim(), id.gender(), id.birthDate(),
                personalData.seal(id.value()), idNumberHash, personalData.seal(details.phone()),
                blankToNull(details.education()), details.organizationId(), placed.street(), placed.partyOrganizationId(),
                registration.stage(), registration.stageDates(), null, details.applicantTalkOn(), details.mobile(),
                details.monthlyIncome(), details.incomeCategory(), MemberStatus.ACTIVE, null, false, List.of(),
                placed.partyOrganizationId() == null ? null : partyOrganizationSince, today(),
                now, now, List.of(), List.of());
        AuditRecord first = audit.created(member, id.value(), details.phone(), actor, action);
        return new Member(member.id(), member.version(), member.name(), member.gender(), member.birthDate(), member.idNumberSealed(),
                member.idNumberHash(), member.phoneSealed(), member.education(), member.organizationId(), member.street(),
                member.partyOrganizationId(), member.stage(), member.stageDates(), null, member.applicantTalkOn(), member.mobile(),
                member.monthlyIncome(), member.incomeCategory(), member.status(), null, false, List.of(),
                member.partyOrganizationSince(), member.onPlatformSince(), now, now,
                List.of(OutboxEvent.of(EventType.MEMBER_REGISTERED, member.snapshot())), List.of(first));
    }

    /** The member if the caller may read them (404 otherwise), without their history. */
    public Mono<Member> find(String id, DataScope scope) {
        return findStored(id)
                .filter(m -> MemberAccess.mayRead(scope, m))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Member", id)));
    }

    /** The stored member without their history, whoever asks (for the service's own reactions to events). */
    public Mono<Member> findStored(String id) {
        return mongo.findOne(withoutHistory(Query.query(Criteria.where("_id").is(id))), Member.class);
    }

    /** The member if the caller may change them: another street's is 404 for a street admin, as for reads. */
    public Mono<Member> findToWrite(String id, DataScope scope) {
        return find(id, scope).doOnNext(m -> MemberAccess.requireWrite(scope, m.street()));
    }

    /** The member's audit records, newest first, for whoever may read the member. */
    public Mono<PageResponse<AuditRecord>> history(String id, PageQuery page, DataScope scope) {
        return mongo.findById(id, Member.class)
                .filter(m -> MemberAccess.mayRead(scope, m))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Member", id)))
                .map(m -> {
                    List<AuditRecord> newestFirst = new ArrayList<>(m.history());
                    java.util.Collections.reverse(newestFirst);
                    return PageResponse.of(newestFirst.stream().skip(page.offset()).limit(page.size()).toList(), page,
                            newestFirst.size());
                });
    }

    public Mono<PageResponse<Member>> list(MemberFilter filter, Sort sort, PageQuery page, DataScope scope) {
        Criteria criteria = criteria(filter, scope);
        Query items = withoutHistory(Query.query(criteria)).with(sort).skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(items, Member.class).collectList(), mongo.count(Query.query(criteria), Member.class))
                .map(result -> PageResponse.of(result.getT1(), page, result.getT2()));
    }

    /** How many members a list selects. */
    public Mono<Long> count(MemberFilter filter, DataScope scope) {
        return mongo.count(Query.query(criteria(filter, scope)), Member.class);
    }

    /** Every member a list selects, in its order (an export). */
    public Flux<Member> all(MemberFilter filter, Sort sort, DataScope scope) {
        return mongo.find(withoutHistory(Query.query(criteria(filter, scope))).with(sort), Member.class);
    }

    private Criteria criteria(MemberFilter filter, DataScope scope) {
        String idNumberHash = null;
        if (filter.idNumber() != null) {
            ResidentId.Result parsed = ResidentId.parse(filter.idNumber(), today());
            // the exact match is on the keyed hash stored beside the sealed number: nothing is decrypted to find it
            idNumberHash = personalData.idNumberHash(parsed.id().orElseThrow(() -> new InvalidInputException("idNumber",
                    "must be a full 18-character ID number: " + parsed.problem())).value());
        }
        return filter.addTo(MemberAccess.scoped(scope, filter.street(), filter.partyOrganizationId()), idNumberHash);
    }

    private static Query withoutHistory(Query query) {
        query.fields().exclude(AuditRecord.HISTORY_FIELD);
        return query;
    }

    public Mono<Member> replace(String id, MemberReplacement body, long expectedVersion, DataScope scope) {
        UnknownFields.refuse(body.unknown(), NOT_BY_UPDATE);
        return findToWrite(id, scope).flatMap(current -> change(current, body.details(), expectedVersion, scope));
    }

    public Mono<Member> patch(String id, MemberPatch patch, long expectedVersion, DataScope scope) {
        UnknownFields.refuse(patch.unknown(), NOT_BY_UPDATE);
        return findToWrite(id, scope).flatMap(current ->
                change(current, patch.mergeInto(personalData.details(current)), expectedVersion, scope));
    }

    private Mono<Member> change(Member current, MemberDetails details, long expectedVersion, DataScope scope) {
        Versions.requireCurrent(expectedVersion, current.version(), "Member " + current.id());
        if (!current.active()) {
            return Mono.error(new ConflictException("Member " + current.id() + " is " + current.status() + " and can no longer be changed"));
        }
        List<FieldError> errors = new ArrayList<>(FieldChecks.errors(validator, details));
        if (errors.isEmpty()) {
            errors.addAll(checkPerson(details));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        String wantedPartyOrganization = blankToNull(details.partyOrganizationId());
        if (current.partyOrganizationId() != null && !current.partyOrganizationId().equals(wantedPartyOrganization)) {
            return Mono.error(new InvalidInputException("partyOrganizationId",
                    "changes only through a relationship transfer (POST /api/members/{id}/transfers)"));
        }
        ResidentId id = ResidentId.parse(details.idNumber(), today()).id().orElseThrow();
        // A member in a party organization stays there (a transfer moves them); one in none is placed now (rule 7a).
        Mono<Placed> placement = current.partyOrganizationId() != null
                ? employerStreet(details.organizationId(), scope).map(street -> new Placed(street, null))
                : placed(details.organizationId(), wantedPartyOrganization, scope);
        return placement.flatMap(placed -> {
            MemberChange next = current.change()
                    .person(details.name().trim(), id.gender(), id.birthDate(), personalData.seal(id.value()),
                            personalData.idNumberHash(id.value()), personalData.seal(details.phone()), blankToNull(details.education()))
                    .employer(details.organizationId(), placed.street())
                    .mobile(details.mobile())
                    .income(details.monthlyIncome(), details.incomeCategory())
                    .applicantTalkOn(details.applicantTalkOn());
            if (current.partyOrganizationId() == null && placed.partyOrganization() != null) {
                next.partyOrganization(placed.partyOrganizationId(), today());
            }
            return write(current, next.at(clock.instant()), EventType.MEMBER_UPDATED, Actor.of(scope), MemberAction.UPDATED, null);
        }).onErrorMap(DuplicateKeyException.class, e -> duplicateIdNumber());
    }

    /**
     * Writes the member's next state with its event and its audit record in one version-guarded write, if nobody
     * changed the member meanwhile (409 otherwise).
     */
    public Mono<Member> write(Member current, Member next, EventType event, Actor actor, MemberAction action, String reason) {
        AuditRecord record = audit.changed(current, next, actor, action, reason);
        return writes.update(current.id(), current.version(), next, List.of(OutboxEvent.of(event, next.snapshot())), record)
                .doOnNext(directory::put);
    }

    /** ID number valid, agreeing with gender and birth date; the talk date not in the future. */
    private List<FieldError> checkPerson(MemberDetails d) {
        List<FieldError> errors = new ArrayList<>();
        ResidentId.Result parsed = ResidentId.parse(d.idNumber(), today());
        parsed.id().ifPresentOrElse(id -> {
            if (id.gender() != d.gender()) {
                errors.add(new FieldError("gender", "does not agree with the ID number"));
            }
            if (d.birthDate() != null && !d.birthDate().equals(id.birthDate())) {
                errors.add(new FieldError("birthDate", "does not agree with the ID number"));
            }
        }, () -> errors.add(new FieldError("idNumber", parsed.problem())));
        if (d.applicantTalkOn() != null && d.applicantTalkOn().isAfter(today())) {
            errors.add(new FieldError("applicantTalkOn", "must not be in the future"));
        }
        return errors;
    }

    /** The employer's street: an active organization of the registry the caller may write in. */
    private Mono<String> employerStreet(String organizationId, DataScope scope) {
        return context.organization(organizationId)
                .filter(o -> o.active())
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("organizationId",
                        "is not an active organization of the registry")))
                .map(o -> {
                    MemberAccess.requireWrite(scope, o.street());
                    return o.street();
                });
    }

    /**
     * Where a member of {@code organizationId} is placed (rule 7a): the employer's street, and the party organization
     * named ({@code partyOrganizationId}: active, covering the employer, in the caller's scope) or else the active one
     * covering the employer, if there is one.
     */
    private Mono<Placed> placed(String organizationId, String partyOrganizationId, DataScope scope) {
        return employerStreet(organizationId, scope).flatMap(street -> {
            if (partyOrganizationId == null) {
                return context.coveringAny(List.of(organizationId))
                        .map(covering -> new Placed(street, Placement.choose(covering).orElse(null)));
            }
            return context.partyOrganization(partyOrganizationId).filter(KnownPartyOrganization::active)
                    .switchIfEmpty(Mono.error(() -> new InvalidInputException("partyOrganizationId",
                            "is not an active party organization")))
                    .map(p -> {
                        Placement.requireCovers(p, organizationId);
                        MemberAccess.requireWrite(scope, p.street());
                        return new Placed(street, p);
                    });
        });
    }

    private static ConflictException duplicateIdNumber() {
        // The number itself is never repeated back: it is personal data.
        return new ConflictException("A member with this ID number is already registered");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
