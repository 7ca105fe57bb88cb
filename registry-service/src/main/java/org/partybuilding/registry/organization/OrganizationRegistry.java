package org.partybuilding.registry.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Registers, reads and lists organizations, within the caller's data scope. */
@Service
public class OrganizationRegistry {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final District district;
    private final Clock clock;

    public OrganizationRegistry(ReactiveMongoTemplate mongo, OutboxRelay relay, District district, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.district = district;
        this.clock = clock;
    }

    public Mono<Organization> register(RegisterOrganization registration, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN).requireWrite(registration.street());
        List<FieldError> errors = RegistrationRules.check(registration, district, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        Organization organization = newOrganization(registration);
        // The unique sparse index on activeCreditCode decides races; the lookup gives the usual case a clear message.
        return mongo.exists(Query.query(Criteria.where("activeCreditCode").is(registration.creditCode())), Organization.class)
                .flatMap(taken -> taken ? Mono.error(duplicate(registration.creditCode())) : mongo.insert(organization))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(registration.creditCode()))
                .doOnSuccess(saved -> relay.wakeUp());
    }

    public Mono<Organization> find(String id, DataScope scope) {
        return mongo.findById(id, Organization.class)
                // Outside the caller's street it does not exist for them: a 404 does not reveal it.
                .filter(organization -> scope.mayRead(organization.street()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Organization", id)));
    }

    public Mono<PageResponse<Organization>> list(OrganizationFilter filter, PageQuery page, DataScope scope) {
        OrganizationFilter scoped = filter.withStreet(scope.streetToRead(filter.street()));
        Query count = scoped.toQuery();
        Query items = scoped.toQuery().with(Sort.by("name", "_id")).skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(items, Organization.class).collectList(), mongo.count(count, Organization.class))
                .map(result -> PageResponse.of(result.getT1(), page, result.getT2()));
    }

    private Organization newOrganization(RegisterOrganization r) {
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
