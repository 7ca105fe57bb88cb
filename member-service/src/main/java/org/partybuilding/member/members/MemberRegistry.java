package org.partybuilding.member.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.member.context.Context;
import org.partybuilding.member.stages.DevelopmentRules;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.outbox.VersionedWrites;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldChecks;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
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
import reactor.core.publisher.Mono;

/** Registers, reads, lists and changes members within the caller's data scope. */
@Service
public class MemberRegistry {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final VersionedWrites writes;
    private final PersonalData personalData;
    private final Context context;
    private final DevelopmentRules rules;
    private final Validator validator;
    private final Clock clock;
    private final MemberDirectory directory;

    public MemberRegistry(ReactiveMongoTemplate mongo, OutboxRelay relay, VersionedWrites writes, PersonalData personalData,
            Context context, DevelopmentRules rules, Validator validator, Clock clock, MemberDirectory directory) {
        this.directory = directory;
        this.mongo = mongo;
        this.relay = relay;
        this.writes = writes;
        this.personalData = personalData;
        this.context = context;
        this.rules = rules;
        this.validator = validator;
        this.clock = clock;
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

    public Mono<Member> register(RegisterMember registration, DataScope scope) {
        List<FieldError> errors = problems(registration);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        ResidentId id = ResidentId.parse(registration.idNumber(), today()).id().orElseThrow();
        rules.requireAgeAtApplication(id.birthDate(), registration.appliedOn());
        return placed(registration.details(), scope)
                .flatMap(street -> mongo.insert(newMember(registration, street)))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateIdNumber())
                .doOnSuccess(saved -> {
                    directory.put(saved);
                    relay.wakeUp();
                });
    }

    /** What is wrong with a registration's fields and dates (not yet: its employer, party organization, age). */
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
        return errors;
    }

    /** A new active member at version 1 placed in {@code street}, sealed, with {@code MemberRegistered} in its outbox. */
    public Member newMember(RegisterMember registration, String street) {
        ResidentId id = ResidentId.parse(registration.idNumber(), today()).id().orElseThrow();
        return newMember(registration, id, personalData.idNumberHash(id.value()), street);
    }

    /** The same, with the ID number already read and hashed (an import has done both to check the row). */
    public Member newMember(RegisterMember registration, ResidentId id, String idNumberHash, String street) {
        MemberDetails details = registration.details();
        var now = clock.instant();
        Member member = new Member(UUID.randomUUID().toString(), 1, details.name().trim(), id.gender(), id.birthDate(),
                personalData.seal(id.value()), idNumberHash, personalData.seal(details.phone()),
                blankToNull(details.education()), details.organizationId(), street, blankToNull(details.partyOrganizationId()),
                registration.stage(), registration.stageDates(), null, details.applicantTalkOn(), details.mobile(),
                details.monthlyIncome(), details.incomeCategory(), MemberStatus.ACTIVE, null, false, List.of(), now, now,
                List.of());
        return withOutbox(member, EventType.MEMBER_REGISTERED);
    }

    public Mono<Member> find(String id, DataScope scope) {
        return mongo.findById(id, Member.class)
                .filter(m -> MemberAccess.mayRead(scope, m))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Member", id)));
    }

    /** The member if the caller may change them: another street's is 404 for a street admin, as for reads. */
    public Mono<Member> findToWrite(String id, DataScope scope) {
        return find(id, scope).doOnNext(m -> MemberAccess.requireWrite(scope, m.street()));
    }

    public Mono<PageResponse<Member>> list(MemberFilter filter, PageQuery page, DataScope scope) {
        Criteria criteria = filter.addTo(MemberAccess.scoped(scope, filter.street(), filter.partyOrganizationId()));
        Query items = Query.query(criteria).with(Sort.by("name", "_id")).skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(items, Member.class).collectList(), mongo.count(Query.query(criteria), Member.class))
                .map(result -> PageResponse.of(result.getT1(), page, result.getT2()));
    }

    public Mono<Member> replace(String id, MemberDetails details, long expectedVersion, DataScope scope) {
        return findToWrite(id, scope).flatMap(current -> change(current, details, expectedVersion, scope));
    }

    public Mono<Member> patch(String id, MemberPatch patch, long expectedVersion, DataScope scope) {
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
        return placed(details, scope).flatMap(street -> {
            Member next = current.change()
                    .person(details.name().trim(), id.gender(), id.birthDate(), personalData.seal(id.value()),
                            personalData.idNumberHash(id.value()), personalData.seal(details.phone()), blankToNull(details.education()))
                    .employer(details.organizationId(), street)
                    .partyOrganization(wantedPartyOrganization)
                    .mobile(details.mobile())
                    .income(details.monthlyIncome(), details.incomeCategory())
                    .applicantTalkOn(details.applicantTalkOn())
                    .at(clock.instant());
            return write(current, next, EventType.MEMBER_UPDATED);
        }).onErrorMap(DuplicateKeyException.class, e -> duplicateIdNumber());
    }

    /** Writes the member's next state with its event, if nobody changed the member meanwhile (409 otherwise). */
    public Mono<Member> write(Member current, Member next, EventType event) {
        return writes.update(current.id(), current.version(), next, event, next.snapshot()).doOnNext(directory::put);
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

    /**
     * The street the member is placed in: their employer's, which must be an active organization the
     * caller may write in; a party organization, if named, must exist and be active.
     */
    private Mono<String> placed(MemberDetails details, DataScope scope) {
        Mono<String> street = context.organization(details.organizationId())
                .filter(o -> o.active())
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("organizationId",
                        "is not an active organization of the registry")))
                .map(o -> {
                    MemberAccess.requireWrite(scope, o.street());
                    return o.street();
                });
        String partyOrganizationId = blankToNull(details.partyOrganizationId());
        if (partyOrganizationId == null) {
            return street;
        }
        return street.flatMap(s -> context.partyOrganization(partyOrganizationId).filter(p -> p.active())
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("partyOrganizationId",
                        "is not an active party organization")))
                .thenReturn(s));
    }

    static Member withOutbox(Member m, EventType type) {
        return new Member(m.id(), m.version(), m.name(), m.gender(), m.birthDate(), m.idNumberSealed(), m.idNumberHash(),
                m.phoneSealed(), m.education(), m.organizationId(), m.street(), m.partyOrganizationId(), m.stage(), m.stageDates(),
                m.probationExtendedMonths(), m.applicantTalkOn(), m.mobile(), m.monthlyIncome(), m.incomeCategory(), m.status(),
                m.leftOn(), m.transferRequired(), m.transfers(), m.createdAt(), m.updatedAt(),
                List.of(OutboxEvent.of(type, m.snapshot())));
    }

    private static ConflictException duplicateIdNumber() {
        // The number itself is never repeated back: it is personal data.
        return new ConflictException("A member with this ID number is already registered");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
