package org.partybuilding.branch.instructor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.partybuilding.branch.domain.CoverageInputs;
import org.partybuilding.branch.member.MemberCount;
import org.partybuilding.branch.member.MemberCounts;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.privacy.Masks;
import org.partybuilding.platform.privacy.PersonalDataCipher;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assigns and lists instructors (rule 3). The organizations must be active, in the caller's scope and without
 * members (422 otherwise); an organization may have several instructors over time, each an assignment of its own.
 */
@Service
public class Instructors {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Organizations organizations;
    private final MemberCounts counts;
    private final FormationRules rules;
    private final CoverageInputs changes;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Instructors(ReactiveMongoTemplate mongo, OutboxRelay relay, Organizations organizations, MemberCounts counts,
            FormationRules rules, CoverageInputs changes, PersonalDataCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.organizations = organizations;
        this.counts = counts;
        this.rules = rules;
        this.changes = changes;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Mono<Instructor> assign(AssignInstructor body, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN);
        LocalDate today = LocalDate.now(clock);
        LocalDate assignedOn = body.assignedOn() == null ? today : body.assignedOn();
        List<String> ids = body.organizationIds().stream().map(String::trim).toList();
        List<FieldError> errors = new ArrayList<>();
        if (assignedOn.isAfter(today)) {
            errors.add(new FieldError("assignedOn", "must not be in the future"));
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("organizationIds", "names an organization more than once"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        return organizations.byIds(ids).collectMap(OrganizationView::id)
                .map(found -> requireActiveInScope(ids, found, scope))
                .flatMap(found -> counts.ofOrganizations(ids).map(byId -> {
                    rules.requireWithoutMembers(found.stream().map(o -> covered(o, byId)).toList());
                    return found;
                }))
                .flatMap(found -> {
                    List<String> streets = found.stream().map(OrganizationView::street).distinct().toList();
                    Instructor instructor = new Instructor(UUID.randomUUID().toString(), 1, body.name().trim(),
                            cipher.encrypt(body.phone()), ids, streets, assignedOn, clock.instant(), List.of());
                    return mongo.insert(instructor.withAssignedEvent());
                })
                .doOnSuccess(saved -> relay.wakeUp())
                .flatMap(saved -> changes.changed(CoverageInputs.Kind.INSTRUCTOR, saved.id()).thenReturn(saved));
    }

    private static FormationRules.Covered covered(OrganizationView o, Map<String, MemberCount> counts) {
        MemberCount c = counts.get(o.id());
        return new FormationRules.Covered(o.id(), o.name(), c.formal(), c.probationary());
    }

    private static List<OrganizationView> requireActiveInScope(List<String> ids, Map<String, OrganizationView> found, DataScope scope) {
        List<FieldError> errors = new ArrayList<>();
        List<OrganizationView> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            OrganizationView o = found.get(ids.get(i));
            if (o == null || !o.active()) {
                errors.add(new FieldError("organizationIds[" + i + "]", "'" + ids.get(i) + "' is not an active organization of the registry"));
            } else {
                result.add(o);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        result.forEach(o -> {
            if (!scope.mayWrite(o.street())) {
                throw new AccessDeniedException("Organization " + o.id() + " is outside your data scope");
            }
        });
        return result;
    }

    /** Instructors in the caller's scope (a street admin: those with an organization in its street), newest first. */
    public Mono<PageResponse<InstructorResponse>> list(String street, String organizationId, PageQuery page, DataScope scope) {
        Criteria criteria = new Criteria();
        String streetToRead = scope.streetToRead(street);
        if (streetToRead != null) {
            criteria.and("streets").is(streetToRead);
        }
        if (organizationId != null && !organizationId.isBlank()) {
            criteria.and("organizationIds").is(organizationId.trim());
        }
        Query items = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "assignedOn").and(Sort.by("_id")))
                .skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(items, Instructor.class).collectList(), mongo.count(Query.query(criteria), Instructor.class))
                .map(r -> PageResponse.of(r.getT1(), page, r.getT2()).map(i -> response(i, scope)));
    }

    /** One assignment; outside the caller's streets it does not exist for the caller (404). */
    public Mono<Instructor> find(String id, DataScope scope) {
        return mongo.findById(id, Instructor.class)
                .filter(i -> scope.districtWide() || i.streets().stream().anyMatch(scope::mayRead))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Instructor", id)));
    }

    /** Every organization that has an instructor, for coverage (only that field is read). */
    public Flux<String> organizationsWithInstructor() {
        return organizationsWithInstructor(new Query());
    }

    /** The organizations of these assignments. */
    public Flux<String> organizationsOf(java.util.Collection<String> instructorIds) {
        return organizationsWithInstructor(Query.query(Criteria.where("_id").in(instructorIds)));
    }

    private Flux<String> organizationsWithInstructor(Query query) {
        query.fields().include("organizationIds");
        return mongo.find(query, Document.class, Instructor.COLLECTION)
                .flatMapIterable(d -> d.getList("organizationIds", String.class, List.of()));
    }

    public InstructorResponse response(Instructor i, DataScope scope) {
        boolean unmasked = scope.hasAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN)
                || (scope.has(Role.STREET_ADMIN) && i.streets().contains(scope.street()));
        String phone = cipher.decrypt(i.phoneSealed());
        return new InstructorResponse(i.id(), i.version(), i.name(), unmasked ? phone : Masks.phone(phone), i.organizationIds(),
                i.streets(), i.assignedOn());
    }
}
