package org.partybuilding.branch.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partybuilding.branch.instructor.Instructors;
import org.partybuilding.branch.member.MemberCount;
import org.partybuilding.branch.member.MemberCounts;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.branch.partyorganization.PartyOrganization;
import org.partybuilding.branch.partyorganization.PartyOrganizations;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Everything the coverage figures, the joint plan and standardization are computed from, read once and kept in
 * memory until {@link CoverageChanges} says something changed: the organizations with their member counts, who
 * covers each (own party organizations, instructors), and the active party organizations. At 10,000 organizations
 * and 100,000 members a report then costs a pass over 10,000 facts in memory, not a read of the database; a report
 * after a change reads the (small) per-organization counts, never the members.
 *
 * <p>The counter is read before the data, so a change written while reading moves the counter past what is kept,
 * and the next report reads again. A snapshot older than {@link #MAX_AGE} is read again in any case, should a
 * change's counter step have been lost to a crash between the two writes.
 */
@Component
public class DistrictFacts {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** One active party organization with the members of the organizations it covers. */
    public record PartyOrganizationLine(PartyOrganization partyOrganization, PartyOrganizationFacts facts) {
    }

    /** One organization as the registry describes it, with what coverage decides on. */
    public record OrganizationLine(OrganizationView organization, OrganizationFacts facts) {
    }

    /** What was read at {@code generation}. */
    public record Snapshot(long generation, Instant readAt, List<OrganizationLine> organizations,
            List<PartyOrganizationLine> partyOrganizations) {
    }

    private final CoverageChanges changes;
    private final Organizations organizations;
    private final MemberCounts counts;
    private final PartyOrganizations partyOrganizations;
    private final Instructors instructors;
    private final Clock clock;

    private volatile Snapshot last;
    private Mono<Snapshot> reading;
    private long readingGeneration = -1;

    DistrictFacts(CoverageChanges changes, Organizations organizations, MemberCounts counts,
            PartyOrganizations partyOrganizations, Instructors instructors, Clock clock) {
        this.changes = changes;
        this.organizations = organizations;
        this.counts = counts;
        this.partyOrganizations = partyOrganizations;
        this.instructors = instructors;
        this.clock = clock;
    }

    public Mono<Snapshot> current() {
        return changes.generation().flatMap(generation -> {
            Snapshot kept = last;
            if (kept != null && kept.generation() == generation
                    && Duration.between(kept.readAt(), clock.instant()).compareTo(MAX_AGE) < 0) {
                return Mono.just(kept);
            }
            return reading(generation);
        });
    }

    /** Requests arriving while the district is read share the one read. */
    private synchronized Mono<Snapshot> reading(long generation) {
        if (reading == null || readingGeneration != generation) {
            readingGeneration = generation;
            reading = read(generation)
                    .doOnNext(snapshot -> last = snapshot)
                    .doOnError(failed -> forget(generation))
                    .cache();
        }
        return reading;
    }

    private synchronized void forget(long generation) {
        if (readingGeneration == generation) {
            reading = null;
            readingGeneration = -1;
        }
    }

    private Mono<Snapshot> read(long generation) {
        Instant readAt = clock.instant();
        return Mono.zip(organizations.all().collectList(),
                        counts.ofAllOrganizations().collectMap(MemberCount::id),
                        partyOrganizations.allActive().collectList(),
                        instructors.organizationsWithInstructor().collect(HashSet<String>::new, Set::add))
                .map(read -> assemble(generation, readAt, read.getT1(), read.getT2(), read.getT3(), read.getT4()));
    }

    static Snapshot assemble(long generation, Instant readAt, List<OrganizationView> organizations,
            Map<String, MemberCount> counts, List<PartyOrganization> partyOrganizations, Set<String> withInstructor) {
        Map<String, CoveringPartyOrganization> coveredBy = new HashMap<>();
        for (PartyOrganization p : partyOrganizations) {
            CoveringPartyOrganization covering = new CoveringPartyOrganization(p.id(), p.name(), p.formation());
            for (String organizationId : p.organizationIds()) {
                // Should two cover one (the API refuses it), the strongest formation counts: SINGLE, JOINT, AFFILIATED.
                coveredBy.merge(organizationId, covering,
                        (a, b) -> a.formation().compareTo(b.formation()) <= 0 ? a : b);
            }
        }
        List<OrganizationLine> lines = new ArrayList<>(organizations.size());
        for (OrganizationView o : organizations) {
            MemberCount count = counts.getOrDefault(o.id(), MemberCount.none(o.id()));
            lines.add(new OrganizationLine(o, new OrganizationFacts(o.id(), o.name(), o.street(), o.active(),
                    Math.max(0, count.formal()), Math.max(0, count.probationary()), coveredBy.get(o.id()),
                    withInstructor.contains(o.id()))));
        }
        List<PartyOrganizationLine> parties = new ArrayList<>(partyOrganizations.size());
        for (PartyOrganization p : partyOrganizations) {
            int formal = 0;
            int probationary = 0;
            for (String organizationId : p.organizationIds()) {
                MemberCount count = counts.get(organizationId);
                if (count != null) {
                    formal += Math.max(0, count.formal());
                    probationary += Math.max(0, count.probationary());
                }
            }
            parties.add(new PartyOrganizationLine(p, new PartyOrganizationFacts(p.id(), p.name(), p.street(), p.type(),
                    p.formation(), formal, probationary, p.termEndsOn())));
        }
        return new Snapshot(generation, readAt, List.copyOf(lines), List.copyOf(parties));
    }
}
