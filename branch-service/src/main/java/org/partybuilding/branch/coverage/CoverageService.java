package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Computes coverage from the read models, within the caller's data scope. */
@Service
public class CoverageService {

    static final Set<String> ORGANIZATION_TYPES = Set.of("SOCIAL_GROUP", "PRIVATE_NON_ENTERPRISE", "FOUNDATION");

    private final ReactiveMongoTemplate mongo;
    private final District district;
    private final CoverageRules rules;

    public CoverageService(ReactiveMongoTemplate mongo, District district, CoverageRules.Thresholds thresholds) {
        this.mongo = mongo;
        this.district = district;
        this.rules = new CoverageRules(thresholds);
    }

    public Mono<CoverageReport> report(CoverageFilter filter, DataScope scope) {
        validate(filter);
        CoverageFilter scoped = scoped(filter, scope);
        return mongo.find(scoped.toQuery(), Document.class, OrganizationView.COLLECTION)
                .map(CoverageService::coverageOf)
                .collectList()
                .map(this::report);
    }

    private CoverageReport report(List<OrganizationCoverage> organizations) {
        Map<String, List<OrganizationCoverage>> byStreet = new TreeMap<>();
        for (OrganizationCoverage o : organizations) {
            byStreet.computeIfAbsent(o.street(), s -> new ArrayList<>()).add(o);
        }
        List<CoverageReport.StreetCoverage> streets = byStreet.entrySet().stream()
                .map(e -> new CoverageReport.StreetCoverage(e.getKey(), district.streets().get(e.getKey()),
                        CoverageFigures.of(e.getValue(), rules)))
                .toList();
        List<CoverageRules.Gap> gaps = new ArrayList<>(rules.gaps(organizations));
        gaps.sort(Comparator.comparing(CoverageRules.Gap::street).thenComparing(CoverageRules.Gap::organizationName));
        return CoverageReport.of(CoverageFigures.of(organizations, rules), streets, gaps);
    }

    /**
     * Reads one organization document. Member counts and coverage are absent until member and
     * party organization events fill them in; absent means none.
     */
    static OrganizationCoverage coverageOf(Document d) {
        String formation = d.getString("coveredBy");
        return new OrganizationCoverage(String.valueOf(d.get("_id")), d.getString("name"), d.getString("street"),
                d.getString("type"), d.getString("supervisoryUnit"), "ACTIVE".equals(d.getString("status")),
                d.getInteger("formalMembers", 0), d.getInteger("probationaryMembers", 0),
                formation == null ? null : Formation.valueOf(formation), d.getBoolean("instructor", false));
    }

    private void validate(CoverageFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (filter.street() != null && !district.hasStreet(filter.street())) {
            errors.add(new FieldError("street", "must be one of the district's streets " + district.streets().keySet()));
        }
        if (filter.type() != null && !ORGANIZATION_TYPES.contains(filter.type())) {
            errors.add(new FieldError("type", "must be one of " + ORGANIZATION_TYPES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static CoverageFilter scoped(CoverageFilter filter, DataScope scope) {
        if (scope.districtWide()) {
            return filter;
        }
        if (scope.has(Role.STREET_ADMIN) && scope.street() != null) {
            if (filter.street() != null && !filter.street().equals(scope.street())) {
                throw new AccessDeniedException("Street " + filter.street() + " is outside your data scope");
            }
            return filter.withStreet(scope.street());
        }
        throw new AccessDeniedException("Your role does not read district coverage");
    }

    /** The report's filters: {@code street}, {@code type}, {@code supervisoryUnit}. Deregistered organizations count only for rule 6. */
    public record CoverageFilter(String street, String type, String supervisoryUnit) {

        Query toQuery() {
            Criteria criteria = new Criteria();
            if (street != null) {
                criteria.and("street").is(street);
            }
            if (type != null) {
                criteria.and("type").is(type);
            }
            if (supervisoryUnit != null) {
                criteria.and("supervisoryUnit").is(supervisoryUnit);
            }
            return Query.query(criteria);
        }

        CoverageFilter withStreet(String scopedStreet) {
            return new CoverageFilter(scopedStreet, type, supervisoryUnit);
        }
    }
}
