package org.partybuilding.registry.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldChecks;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jakarta.validation.Validator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers, reads and lists organizations, within the caller's data scope. */
@Service
public class OrganizationRegistry {

    /** The audit trail's name for organizations. */
    public static final String RESOURCE = "Organization";
    /** Kept beside the credit code while active (an index's helper): not a field a user changes. */
    private static final java.util.Set<String> HIDDEN = java.util.Set.of("activeCreditCode");

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final District district;
    private final Clock clock;
    private final Validator validator;
    private final OrganizationDirectory directory;
    private final AuditTrail audit;

    public OrganizationRegistry(ReactiveMongoTemplate mongo, OutboxRelay relay, District district, Clock clock,
            Validator validator, OrganizationDirectory directory, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
        this.mongo = mongo;
        this.relay = relay;
        this.district = district;
        this.clock = clock;
        this.validator = validator;
    }

    /**
     * Everything wrong with a registration: the shape of its fields first (a merged PATCH or an imported
     * row arrive unvalidated), then the registration rules, which need every field present.
     */
    public List<FieldError> problems(RegisterOrganization registration) {
        List<FieldError> errors = FieldChecks.errors(validator, registration);
        return errors.isEmpty() ? RegistrationRules.check(registration, district, LocalDate.now(clock)) : errors;
    }

    public Mono<Organization> register(RegisterOrganization registration, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN).requireWrite(registration.street());
        List<FieldError> errors = problems(registration);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        Organization organization = newOrganization(registration);
        AuditRecord record = created(organization, Actor.of(scope), OrganizationAction.REGISTERED);
        // The unique sparse index on activeCreditCode decides races; the lookup gives the usual case a clear message.
        return mongo.exists(Query.query(Criteria.where("activeCreditCode").is(registration.creditCode())), Organization.class)
                .flatMap(taken -> taken ? Mono.error(duplicate(registration.creditCode())) : audit.insert(organization, record))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(registration.creditCode()))
                .doOnNext(directory::put)
                .doOnSuccess(saved -> relay.wakeUp());
    }

    /**
     * Replaces an organization's registration data if it is still at {@code expectedVersion}: one
     * version-guarded single-document update that also appends {@code OrganizationUpdated} to its outbox.
     */
    public Mono<Organization> update(String id, RegisterOrganization changed, long expectedVersion, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN);
        return findToWrite(id, scope).flatMap(current -> {
            Versions.requireCurrent(expectedVersion, current.version(), "Organization " + id);
            if (!current.active()) {
                return Mono.error(new ConflictException("Organization " + id + " is deregistered and can no longer be changed"));
            }
            List<FieldError> errors = problems(changed);
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInputException(errors));
            }
            scope.requireWrite(changed.street());
            Organization next = changedOrganization(current, changed);
            Mono<Boolean> codeTaken = changed.creditCode().equals(current.creditCode()) ? Mono.just(false)
                    : mongo.exists(Query.query(Criteria.where("activeCreditCode").is(changed.creditCode())), Organization.class);
            return codeTaken.flatMap(taken -> taken ? Mono.error(duplicate(changed.creditCode()))
                    : write(current, next, EventType.ORGANIZATION_UPDATED, new Update().set("activeCreditCode", next.activeCreditCode()),
                            changed(current, next, Actor.of(scope), OrganizationAction.UPDATED, null)));
        }).onErrorMap(DuplicateKeyException.class, e -> duplicate(changed.creditCode()));
    }

    public Mono<Organization> patch(String id, PatchOrganization patch, long expectedVersion, DataScope scope) {
        return findToWrite(id, scope).flatMap(current -> update(id, patch.mergeInto(current), expectedVersion, scope));
    }

    /** Deregisters (注销) an active organization; a second deregistration is 409. Its credit code becomes free again. */
    public Mono<Organization> deregister(String id, Deregistration deregistration, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN);
        return findToWrite(id, scope).flatMap(current -> {
            if (!current.active()) {
                return Mono.error(new ConflictException("Organization " + id + " was already deregistered on " + current.deregisteredOn()));
            }
            List<FieldError> errors = new ArrayList<>();
            if (deregistration.date().isAfter(LocalDate.now(clock))) {
                errors.add(new FieldError("date", "must not be in the future"));
            }
            if (deregistration.date().isBefore(current.registeredOn())) {
                errors.add(new FieldError("date", "must not be before the registration on " + current.registeredOn()));
            }
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInputException(errors));
            }
            Organization next = new Organization(current.id(), current.version() + 1, current.name(), current.creditCode(), null,
                    current.type(), current.registrationLevel(), current.registeredOn(), current.supervisoryUnit(),
                    current.industry(), current.street(), current.address(), current.legalRepresentative(),
                    current.employees(), current.fullTimeStaff(), current.operatingStatus(), OrganizationStatus.DEREGISTERED,
                    deregistration.date(), deregistration.reason().trim(), current.createdAt(), clock.instant(), List.of());
            return write(current, next, EventType.ORGANIZATION_DEREGISTERED, new Update().unset("activeCreditCode"),
                    changed(current, next, Actor.of(scope), OrganizationAction.DEREGISTERED, next.deregistrationReason()));
        });
    }

    /** Counts by type, street, status and registration level, and staff totals, within the caller's street. */
    public Mono<RegistryStatistics> statistics(DataScope scope) {
        String street = scope.streetToRead(null);
        Query query = street == null ? new Query() : Query.query(Criteria.where("street").is(street));
        return mongo.find(query, Organization.class).collectList().map(RegistryStatistics::of);
    }

    /** The organization's audit records, newest first, for whoever may read it (another street's is 404). */
    public Mono<PageResponse<AuditRecord>> history(String id, PageQuery page, DataScope scope) {
        return find(id, scope).flatMap(o -> audit.history(Organization.COLLECTION, id, page));
    }

    /** The first audit record of a new organization. */
    AuditRecord created(Organization organization, Actor actor, OrganizationAction action) {
        return audit.created(actor, action.name(), RESOURCE, organization.id(), organization, HIDDEN);
    }

    private AuditRecord changed(Organization before, Organization after, Actor actor, OrganizationAction action, String reason) {
        return audit.changed(actor, action.name(), RESOURCE, after.id(), before, after, reason, HIDDEN);
    }

    /** The organization if the caller may change it: another street's is 404 for them, as for reads. */
    private Mono<Organization> findToWrite(String id, DataScope scope) {
        return find(id, scope).doOnNext(o -> scope.requireWrite(o.street()));
    }

    /**
     * Sets every field of {@code next} on the document still at {@code current}'s version and appends the
     * event and the audit record, in one write; the relay publishes it. A concurrent change makes it a 409 and writes nothing.
     */
    private Mono<Organization> write(Organization current, Organization next, EventType event, Update update, AuditRecord record) {
        update.set("version", next.version()).set("name", next.name()).set("creditCode", next.creditCode())
                .set("type", next.type()).set("registrationLevel", next.registrationLevel())
                .set("registeredOn", next.registeredOn()).set("supervisoryUnit", next.supervisoryUnit())
                .set("industry", next.industry()).set("street", next.street()).set("address", next.address())
                .set("legalRepresentative", next.legalRepresentative()).set("employees", next.employees())
                .set("fullTimeStaff", next.fullTimeStaff()).set("operatingStatus", next.operatingStatus())
                .set("status", next.status()).set("deregisteredOn", next.deregisteredOn())
                .set("deregistrationReason", next.deregistrationReason()).set("updatedAt", next.updatedAt())
                .push(OutboxEvent.OUTBOX_FIELD, OutboxEvent.of(event, next.snapshot()));
        AuditTrail.append(update, record);
        Query stillCurrent = Query.query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
        return mongo.findAndModify(stillCurrent, update, FindAndModifyOptions.options().returnNew(true), Organization.class)
                .switchIfEmpty(Mono.error(() -> new ConflictException("Organization " + current.id()
                        + " was changed meanwhile; read it again and retry")))
                .doOnNext(directory::put)
                .doOnSuccess(saved -> relay.wakeUp());
    }

    private Organization changedOrganization(Organization o, RegisterOrganization r) {
        return new Organization(o.id(), o.version() + 1, r.name().trim(), r.creditCode(), r.creditCode(), r.type(),
                r.registrationLevel(), r.registeredOn(), blankToNull(r.supervisoryUnit()), r.industry(), r.street(),
                blankToNull(r.address()),
                new Organization.LegalRepresentative(r.legalRepresentative().name().trim(), r.legalRepresentative().partyMember()),
                r.employees(), r.fullTimeStaff(), r.operatingStatus(), o.status(), o.deregisteredOn(), o.deregistrationReason(),
                o.createdAt(), clock.instant(), List.of());
    }

    public Mono<Organization> find(String id, DataScope scope) {
        // Outside the caller's street it does not exist for them: a 404 does not reveal it (a security event).
        return NotFoundException.unlessOutOfScope(mongo.findById(id, Organization.class), o -> scope.mayRead(o.street()),
                "Organization", id);
    }

    /** A page of the list by name, served from the in-memory {@link OrganizationDirectory}. */
    public Mono<PageResponse<Organization>> list(OrganizationFilter filter, PageQuery page, DataScope scope) {
        return list(filter, OrganizationSort.BY_NAME, page, scope);
    }

    /** A page of the list in the order asked for ({@link OrganizationSort}), served from the in-memory directory. */
    public Mono<PageResponse<Organization>> list(OrganizationFilter filter, Sort sort, PageQuery page, DataScope scope) {
        OrganizationFilter scoped = filter.withStreet(scope.streetToRead(filter.street()));
        return Mono.fromSupplier(() -> directory.page(scoped, sort, page));
    }

    /** Makes the directory take organizations this instance inserted in bulk. */
    void inserted(Organization organization) {
        directory.put(organization);
    }

    /** Every organization matching the filter within the caller's street, by name: for exports. */
    public Flux<Organization> all(OrganizationFilter filter, DataScope scope) {
        OrganizationFilter scoped = filter.withStreet(scope.streetToRead(filter.street()));
        return mongo.find(scoped.toQuery().with(Sort.by("name", "_id")), Organization.class);
    }

    /** Whether the registration says nothing the organization does not already say (an import row may repeat it). */
    boolean sameRegistration(Organization o, RegisterOrganization r) {
        Organization next = changedOrganization(o, r);
        return next.name().equals(o.name()) && next.creditCode().equals(o.creditCode()) && next.type() == o.type()
                && next.registrationLevel() == o.registrationLevel() && next.registeredOn().equals(o.registeredOn())
                && java.util.Objects.equals(next.supervisoryUnit(), o.supervisoryUnit()) && next.industry().equals(o.industry())
                && next.street().equals(o.street()) && java.util.Objects.equals(next.address(), o.address())
                && next.legalRepresentative().equals(o.legalRepresentative()) && next.employees() == o.employees()
                && next.fullTimeStaff() == o.fullTimeStaff() && next.operatingStatus() == o.operatingStatus();
    }

    /** A new, active organization at version 1 with {@code OrganizationRegistered} in its outbox. */
    Organization newOrganization(RegisterOrganization r) {
        Instant now = clock.instant();
        Organization organization = new Organization(UUID.randomUUID().toString(), 1, r.name().trim(), r.creditCode(),
                r.creditCode(), r.type(), r.registrationLevel(), r.registeredOn(), blankToNull(r.supervisoryUnit()),
                r.industry(), r.street(), blankToNull(r.address()),
                new Organization.LegalRepresentative(r.legalRepresentative().name().trim(), r.legalRepresentative().partyMember()),
                r.employees(), r.fullTimeStaff(), r.operatingStatus(), OrganizationStatus.ACTIVE, null, null, now, now,
                List.of());
        return withEvent(organization, EventType.ORGANIZATION_REGISTERED);
    }

    /** The organization with the event of its latest change appended to its outbox (same document, same write). */
    private static Organization withEvent(Organization o, EventType type) {
        List<OutboxEvent> outbox = new java.util.ArrayList<>(o.outbox());
        outbox.add(OutboxEvent.of(type, o.snapshot()));
        return new Organization(o.id(), o.version(), o.name(), o.creditCode(), o.activeCreditCode(), o.type(),
                o.registrationLevel(), o.registeredOn(), o.supervisoryUnit(), o.industry(), o.street(), o.address(),
                o.legalRepresentative(), o.employees(), o.fullTimeStaff(), o.operatingStatus(), o.status(),
                o.deregisteredOn(), o.deregistrationReason(), o.createdAt(), o.updatedAt(), outbox);
    }

    private static ConflictException duplicate(String creditCode) {
        return new ConflictException("An active organization with credit code " + creditCode + " is already registered");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
