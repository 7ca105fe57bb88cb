package org.partybuilding.branch.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Gathers the facts for a coverage report within the caller's data scope and lets {@link CoverageRules} decide.
 * Members and party organizations reach branch-service in later issues; until then every organization has
 * neither, so an active one counts as uncovered with the gap {@code NEEDS_INSTRUCTOR}.
 */
@Service
public class CoverageService {

    private final Organizations organizations;
    private final CoverageRules rules;
    private final District district;
    private final Clock clock;

    public CoverageService(Organizations organizations, CoverageRules rules, District district, Clock clock) {
        this.organizations = organizations;
        this.rules = rules;
        this.district = district;
        this.clock = clock;
    }

    public Mono<CoverageReport> report(CoverageFilter filter, DataScope scope) {
        CoverageFilter scoped = withinScope(filter, scope);
        return organizations.find(scoped.street(), scoped.type(), scoped.supervisoryUnit())
                .map(CoverageService::factsOf)
                .collectList()
                .map(facts -> CoverageReport.assemble(facts, List.of(), streets(scoped), rules, LocalDate.now(clock)));
    }

    /** An organization as the registry describes it; member counts and party work join here when their read models exist. */
    private static OrganizationFacts factsOf(OrganizationView organization) {
        return OrganizationFacts.withoutMembers(organization.id(), organization.name(), organization.street(),
                organization.active());
    }

    /**
     * District admins, committee admins and auditors see the whole district; a street admin sees its own street
     * (another street asked for is 403). Everyone else is refused: the district report is not a branch secretary's
     * or the finance bureau's.
     */
    private static CoverageFilter withinScope(CoverageFilter filter, DataScope scope) {
        return filter.withStreet(scope.streetToRead(filter.street()));
    }

    private Map<String, String> streets(CoverageFilter filter) {
        Map<String, String> streets = new LinkedHashMap<>();
        if (filter.street() != null) {
            streets.put(filter.street(), district.streets().get(filter.street()));
        } else {
            streets.putAll(district.streets());
        }
        return streets;
    }
}
