package org.partybuilding.branch.partyorganization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.partybuilding.branch.domain.CoverageInputs;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.member.MemberCount;
import org.partybuilding.branch.member.MemberCounts;
import org.partybuilding.branch.member.MemberState;
import org.partybuilding.branch.member.Members;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.district.FiscalYears;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Establishes, reads, lists, changes and dissolves party organizations within the caller's data scope. Checks run
 * in the order of API.md's status codes: input (400), scope (403/404), state (409: stale version, dissolved, an
 * organization already covered), then the rules (422). Every change is one version-guarded write of the document
 * with its event in the outbox; coverage is told afterwards.
 */
@Service
public class PartyOrganizations {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final VersionedWrites writes;
    private final Organizations organizations;
    private final MemberCounts counts;
    private final Members members;
    private final FormationRules rules;
    private final CoverageInputs changes;
    private final CoverageClaims claims;
    private final District district;
    private final FiscalYears fiscalYears;
    private final Validator validator;
    private final Clock clock;

    PartyOrganizations(ReactiveMongoTemplate mongo, OutboxRelay relay, VersionedWrites writes, Organizations organizations,
            MemberCounts counts, Members members, FormationRules rules, CoverageInputs changes, CoverageClaims claims,
            District district, FiscalYears fiscalYears, Validator validator, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.writes = writes;
        this.organizations = organizations;
        this.counts = counts;
        this.members = members;
        this.rules = rules;
        this.changes = changes;
        this.claims = claims;
        this.district = district;
        this.fiscalYears = fiscalYears;
        this.validator = validator;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- establish

    public Mono<PartyOrganization> establish(EstablishPartyOrganization body, DataScope scope) {
        List<FieldError> errors = new ArrayList<>();
        if (!district.hasStreet(body.street())) {
            errors.add(new FieldError("street", "'" + body.street() + "' is not one of the district's streets"));
        }
        if (body.industry() != null && !district.hasIndustry(body.industry())) {
            errors.add(new FieldError("industry", "'" + body.industry() + "' is not one of the district's industries"));
        }
        if (body.establishedOn().isAfter(today())) {
            errors.add(new FieldError("establishedOn", "must not be in the future"));
        }
        if (new HashSet<>(body.organizationIds()).size() != body.organizationIds().size()) {
            errors.add(new FieldError("organizationIds", "names an organization more than once"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        PartyOrganizationAccess.requireWrite(scope, body.street());
        List<String> ids = body.organizationIds().stream().map(String::trim).toList();
        boolean approved = Boolean.TRUE.equals(body.approvedBySuperior());
        String newId = UUID.randomUUID().toString();
        return activeOrganizations(ids, "organizationIds", scope)
                .flatMap(found -> requireUncovered(ids, null).then(coveredFacts(found)))
                .map(covered -> {
                    rules.requireFormation(body.type(), body.formation(), covered, approved);
                    // Rule 14: established in a closed fiscal year, it is a party organization the district already had.
                    boolean preExisting = fiscalYears.closed(body.establishedOn().getYear(), today());
                    var now = clock.instant();
                    PartyOrganization p = new PartyOrganization(newId, 1, body.name().trim(),
                            body.type(), body.formation(), ids, body.street(), body.industry(), body.superior().trim(),
                            body.establishedOn(), approved, PartyOrganizationStatus.ACTIVE, null, null, null, null, List.of(),
                            null, 0, rules.termEndsOn(body.type(), body.establishedOn(), null, 0), SixHaves.NONE,
                            Rating.UNRATED, now, now, List.of(), preExisting);
                    return p.withOutbox(EventType.PARTY_ORGANIZATION_ESTABLISHED);
                })
                .flatMap(p -> claims.claim(ids, newId).then(mongo.insert(p)))
                .doOnSuccess(saved -> relay.wakeUp())
                .flatMap(saved -> changes.changed(CoverageInputs.Kind.PARTY_ORGANIZATION, saved.id()).thenReturn(saved));
    }

    /** The organizations, each known, active and in the caller's scope; unknown or deregistered ones are a 400 naming each. */
    private Mono<List<OrganizationView>> activeOrganizations(List<String> ids, String field, DataScope scope) {
        return organizations.byIds(ids).collectMap(OrganizationView::id).map(found -> {
            List<FieldError> errors = new ArrayList<>();
            List<OrganizationView> result = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                OrganizationView o = found.get(ids.get(i));
                if (o == null || !o.active()) {
                    errors.add(new FieldError(ids.size() == 1 && !field.endsWith("s") ? field : field + "[" + i + "]",
                            "'" + ids.get(i) + "' is not an active organization of the registry"));
                } else {
                    result.add(o);
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            for (OrganizationView o : result) {
                if (!scope.mayWrite(o.street())) {
                    throw new AccessDeniedException("Organization " + o.id() + " is in street " + o.street()
                            + ", outside your data scope");
                }
            }
            return result;
        });
    }

    /** 409 if an active party organization (other than {@code except}) already covers one of the organizations. */
    private Mono<Void> requireUncovered(List<String> organizationIds, String except) {
        Criteria criteria = Criteria.where("status").is(PartyOrganizationStatus.ACTIVE).and("organizationIds").in(organizationIds);
        if (except != null) {
            criteria.and("_id").ne(except);
        }
        return mongo.findOne(Query.query(criteria), PartyOrganization.class).flatMap(covering -> {
            String organization = covering.organizationIds().stream().filter(organizationIds::contains).findFirst().orElse("?");
            return Mono.<Void>error(new ConflictException("Organization " + organization + " is already covered by the "
                    + covering.formation() + " party organization " + covering.id() + " (" + covering.name() + ")"
                    + (covering.formation() == Formation.SINGLE ? "" : "; remove it there first")));
        });
    }

    private Mono<List<FormationRules.Covered>> coveredFacts(List<OrganizationView> found) {
        List<String> ids = found.stream().map(OrganizationView::id).toList();
        return counts.ofOrganizations(ids).map(byId -> found.stream().map(o -> {
            MemberCount c = byId.get(o.id());
            return new FormationRules.Covered(o.id(), o.name(), c.formal(), c.probationary());
        }).toList());
    }

    // ---------------------------------------------------------------- read and list

    public Mono<PartyOrganization> find(String id, DataScope scope) {
        return mongo.findById(id, PartyOrganization.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Party organization", id)))
                .map(p -> PartyOrganizationAccess.requireReadable(scope, p));
    }

    public Mono<PartyOrganizationResponse> response(PartyOrganization p) {
        return counts.ofPartyOrganization(p.id()).map(count -> PartyOrganizationResponse.of(p, count));
    }

    public Mono<PageResponse<PartyOrganizationResponse>> list(PartyOrganizationFilter filter, PageQuery page, DataScope scope) {
        Criteria criteria = filter.addTo(PartyOrganizationAccess.scoped(scope, filter.street()));
        Query items = Query.query(criteria).with(Sort.by("name", "_id")).skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(items, PartyOrganization.class).collectList(), mongo.count(Query.query(criteria),
                        PartyOrganization.class))
                .flatMap(result -> counts.ofPartyOrganizations(result.getT1().stream().map(PartyOrganization::id).toList())
                        .map(byId -> PageResponse.of(result.getT1().stream()
                                .map(p -> PartyOrganizationResponse.of(p, byId.get(p.id()))).toList(), page, result.getT2())));
    }

    /** These party organizations, in whatever state (coverage reads again those that changed). */
    public Flux<PartyOrganization> byIds(java.util.Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PartyOrganization.class);
    }

    /** Every active party organization, for coverage and standardization. */
    public Flux<PartyOrganization> allActive() {
        return mongo.find(Query.query(Criteria.where("status").is(PartyOrganizationStatus.ACTIVE)), PartyOrganization.class);
    }

    // ---------------------------------------------------------------- change

    public Mono<PartyOrganization> replace(String id, PartyOrganizationDetails details, long expectedVersion, DataScope scope) {
        return find(id, scope).flatMap(current -> {
            PartyOrganizationAccess.requireWrite(scope, current.street());
            return change(current, details, expectedVersion);
        });
    }

    /** A branch secretary may change its own organization's six haves and nothing else; writers anything of the details. */
    public Mono<PartyOrganization> patch(String id, PartyOrganizationPatch patch, long expectedVersion, DataScope scope) {
        return find(id, scope).flatMap(current -> {
            boolean checklistBySecretary = PartyOrganizationAccess.ownSecretary(scope, current.id()) && patch.onlySixHaves();
            if (!checklistBySecretary) {
                PartyOrganizationAccess.requireWrite(scope, current.street());
            }
            return change(current, patch.mergeInto(details(current)), expectedVersion);
        });
    }

    private static PartyOrganizationDetails details(PartyOrganization p) {
        return new PartyOrganizationDetails(p.name(), p.secretaryMemberId(), p.deputySecretaryMemberId(),
                p.committee().stream().map(s -> new PartyOrganizationDetails.Seat(s.memberId(), s.role())).toList(),
                p.electedOn(), p.electionPostponedMonths(), p.sixHaves(), p.rating());
    }

    private Mono<PartyOrganization> change(PartyOrganization current, PartyOrganizationDetails details, long expectedVersion) {
        Versions.requireCurrent(expectedVersion, current.version(), "Party organization " + current.id());
        requireActive(current);
        List<FieldError> errors = new ArrayList<>(FieldChecks.errors(validator, details));
        if (details.electedOn() != null && details.electedOn().isAfter(today())) {
            errors.add(new FieldError("electedOn", "must not be in the future"));
        }
        if (details.electedOn() != null && details.electedOn().isBefore(current.establishedOn())) {
            errors.add(new FieldError("electedOn", "must not be before the party organization was established ("
                    + current.establishedOn() + ")"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        String secretary = blankToNull(details.secretary());
        String deputy = blankToNull(details.deputySecretary());
        List<PartyOrganization.CommitteeSeat> committee = details.committee() == null ? List.of()
                : details.committee().stream().map(s -> new PartyOrganization.CommitteeSeat(s.memberId().trim(), s.role())).toList();
        if (secretary == null) {
            // An elected committee names its secretary in a seat.
            secretary = committee.stream().filter(s -> s.role() == SeatRole.SECRETARY).map(PartyOrganization.CommitteeSeat::memberId)
                    .findFirst().orElse(null);
        }
        int postponed = details.electionPostponedMonths() == null ? 0 : details.electionPostponedMonths();
        LocalDate termEndsOn = rules.termEndsOn(current.type(), current.establishedOn(), details.electedOn(), postponed);
        boolean leadershipChanged = !Objects.equals(secretary, current.secretaryMemberId())
                || !Objects.equals(deputy, current.deputySecretaryMemberId()) || !committee.equals(current.committee());
        String name = details.name().trim();
        String finalSecretary = secretary;
        Mono<Void> leadershipChecked = leadershipChanged ? requireLeadership(current, secretary, deputy, committee) : Mono.empty();
        return leadershipChecked.then(Mono.defer(() -> write(current, EventType.PARTY_ORGANIZATION_UPDATED,
                b -> b.details(name, finalSecretary, deputy, committee, details.electedOn(), postponed, termEndsOn,
                        details.sixHaves() == null ? SixHaves.NONE : details.sixHaves(),
                        details.rating() == null ? Rating.UNRATED : details.rating()))));
    }

    /** Rule 5, with the party organization's formal members and the people named, from member events. */
    private Mono<Void> requireLeadership(PartyOrganization p, String secretary, String deputy,
            List<PartyOrganization.CommitteeSeat> committee) {
        List<String> people = new ArrayList<>();
        if (secretary != null) {
            people.add(secretary);
        }
        if (deputy != null) {
            people.add(deputy);
        }
        committee.forEach(seat -> people.add(seat.memberId()));
        return Mono.zip(counts.ofPartyOrganization(p.id()),
                        Flux.fromIterable(new HashSet<>(people)).flatMap(members::find).collectMap(MemberState::id))
                .doOnNext(found -> rules.requireLeadership(found.getT1().formal(), secretary, deputy,
                        committee.stream().map(s -> new FormationRules.Seat(s.memberId(), s.role())).toList(),
                        memberId -> formalMemberOf(found.getT2().get(memberId), p.id())))
                .then();
    }

    private static boolean formalMemberOf(MemberState m, String partyOrganizationId) {
        return m != null && m.active() && MemberState.FORMAL.equals(m.stage()) && partyOrganizationId.equals(m.partyOrganizationId());
    }

    // ---------------------------------------------------------------- joint coverage

    public Mono<PartyOrganization> addOrganization(String id, CoverageAddition body, Long expectedVersion, DataScope scope) {
        String organizationId = body.organizationId().trim();
        return find(id, scope).flatMap(current -> {
            PartyOrganizationAccess.requireWrite(scope, current.street());
            requireVersion(expectedVersion, current);
            requireActive(current);
            requireJoint(current);
            if (current.organizationIds().contains(organizationId)) {
                return Mono.error(new ConflictException("Party organization " + id + " already covers " + organizationId));
            }
            List<String> after = new ArrayList<>(current.organizationIds());
            after.add(organizationId);
            return activeOrganizations(List.of(organizationId), "organizationId", scope)
                    .flatMap(added -> requireUncovered(List.of(organizationId), current.id())
                            .then(organizations.byIds(current.organizationIds()).collectList())
                            .flatMap(existing -> {
                                List<OrganizationView> all = new ArrayList<>(existing);
                                all.addAll(added);
                                return coveredFacts(all);
                            }))
                    .flatMap(covered -> {
                        FormationRules.Covered addedFacts = covered.stream()
                                .filter(c -> c.organizationId().equals(organizationId)).findFirst().orElseThrow();
                        rules.requireJointAddition(covered, addedFacts);
                        return claims.claim(List.of(organizationId), current.id())
                                .then(write(current, EventType.PARTY_ORGANIZATION_UPDATED, b -> b.organizations(after)));
                    });
        });
    }

    public Mono<PartyOrganization> removeOrganization(String id, String organizationId, Long expectedVersion, DataScope scope) {
        return find(id, scope).flatMap(current -> {
            PartyOrganizationAccess.requireWrite(scope, current.street());
            requireVersion(expectedVersion, current);
            requireActive(current);
            requireJoint(current);
            if (!current.organizationIds().contains(organizationId)) {
                return Mono.error(new NotFoundException("Organization covered by party organization " + id, organizationId));
            }
            List<String> remaining = current.organizationIds().stream().filter(o -> !o.equals(organizationId)).toList();
            return organizations.byIds(remaining).collectList().flatMap(this::coveredFacts).flatMap(covered -> {
                rules.requireJointRemoval(covered);
                return write(current, EventType.PARTY_ORGANIZATION_UPDATED, b -> b.organizations(remaining));
            });
        });
    }

    // ---------------------------------------------------------------- dissolve

    public Mono<PartyOrganization> dissolve(String id, Dissolution body, Long expectedVersion, DataScope scope) {
        return find(id, scope).flatMap(current -> {
            PartyOrganizationAccess.requireWrite(scope, current.street());
            requireVersion(expectedVersion, current);
            requireActive(current);
            List<FieldError> errors = new ArrayList<>();
            if (body.date().isAfter(today())) {
                errors.add(new FieldError("date", "must not be in the future"));
            }
            if (body.date().isBefore(current.establishedOn())) {
                errors.add(new FieldError("date", "must not be before the party organization was established ("
                        + current.establishedOn() + ")"));
            }
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInputException(errors));
            }
            return write(current, EventType.PARTY_ORGANIZATION_DISSOLVED, b -> b.dissolved(body.date(), body.reason().trim()));
        });
    }

    // ---------------------------------------------------------------- shared

    /** Writes the next version with its event, if nobody changed it meanwhile (409 otherwise), and tells coverage. */
    Mono<PartyOrganization> write(PartyOrganization current, EventType event,
            java.util.function.UnaryOperator<PartyOrganization.Builder> change) {
        PartyOrganization next = current.next(event, clock.instant(), change);
        return writes.update(current.id(), current.version(), next, next.outbox())
                .flatMap(saved -> changes.changed(CoverageInputs.Kind.PARTY_ORGANIZATION, saved.id()).thenReturn(saved));
    }

    private static void requireVersion(Long expected, PartyOrganization current) {
        if (expected != null) {
            Versions.requireCurrent(expected, current.version(), "Party organization " + current.id());
        }
    }

    private static void requireActive(PartyOrganization p) {
        if (!p.active()) {
            throw new ConflictException("Party organization " + p.id() + " was dissolved on " + p.dissolvedOn()
                    + " and can no longer be changed");
        }
    }

    private static void requireJoint(PartyOrganization p) {
        if (p.formation() != Formation.JOINT) {
            throw new ConflictException("Only a JOINT party organization changes which organizations it covers; "
                    + p.id() + " is " + p.formation());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
