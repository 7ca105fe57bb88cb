package org.partybuilding.branch.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.partybuilding.branch.organization.OrganizationType;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Selects the facts for a coverage report within the caller's data scope and lets {@link CoverageRules} decide.
 * The facts come from {@link DistrictFacts}: organizations with member counts from member events, covered by this
 * service's own party organizations (single, joint, affiliated) and instructors.
 */
@Service
public class CoverageService {

    private static final List<String> TYPES = Arrays.stream(OrganizationType.values()).map(Enum::name).toList();

    private final DistrictFacts facts;
    private final CoverageRules rules;
    private final District district;
    private final Clock clock;

    public CoverageService(DistrictFacts facts, CoverageRules rules, District district, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.district = district;
        this.clock = clock;
    }

    public Mono<CoverageReport> report(CoverageFilter filter, DataScope scope) {
        CoverageFilter scoped = withinScope(filter, scope);
        return facts.current().map(snapshot -> report(snapshot, scoped));
    }

    CoverageReport report(DistrictFacts.Snapshot snapshot, CoverageFilter filter) {
        Map<String, OrganizationView> views = new java.util.HashMap<>();
        List<OrganizationFacts> selected = snapshot.organizations().stream()
                .filter(line -> selects(filter, line.organization()))
                .peek(line -> views.put(line.organization().id(), line.organization()))
                .map(DistrictFacts.OrganizationLine::facts)
                .toList();
        boolean byOrganization = filter.type() != null || filter.supervisoryUnit() != null;
        Set<String> selectedIds = byOrganization ? new HashSet<>(views.keySet()) : Set.of();
        List<PartyOrganizationFacts> partyOrganizations = snapshot.partyOrganizations().stream()
                .filter(line -> filter.street() == null || filter.street().equals(line.partyOrganization().street()))
                // With a type or supervisory unit asked for: the party organizations covering one of those organizations.
                .filter(line -> !byOrganization || line.partyOrganization().organizationIds().stream().anyMatch(selectedIds::contains))
                .map(DistrictFacts.PartyOrganizationLine::facts)
                .toList();
        return CoverageReport.assemble(selected, partyOrganizations, streets(filter), TYPES,
                o -> {
                    OrganizationView view = views.get(o.organizationId());
                    return new CoverageReport.Grouping(view.type(), view.supervisoryUnit());
                }, rules, LocalDate.now(clock));
    }

    private static boolean selects(CoverageFilter filter, OrganizationView o) {
        return (filter.street() == null || filter.street().equals(o.street()))
                && (filter.type() == null || filter.type().name().equals(o.type()))
                && (filter.supervisoryUnit() == null || filter.supervisoryUnit().equals(o.supervisoryUnit()));
    }

    /**
     * District admins, committee admins and auditors see the whole district; a street admin sees its own street
     * (another street asked for is 403). Everyone else is refused: the district report is not a branch secretary's
     * or the finance bureau's.
     */
    static CoverageFilter withinScope(CoverageFilter filter, DataScope scope) {
        return filter.withStreet(scope.streetToRead(filter.street()));
    }

    Map<String, String> streets(CoverageFilter filter) {
        Map<String, String> streets = new LinkedHashMap<>();
        if (filter.street() != null) {
            streets.put(filter.street(), Objects.requireNonNullElse(district.streets().get(filter.street()), filter.street()));
        } else {
            streets.putAll(district.streets());
        }
        return streets;
    }
}
