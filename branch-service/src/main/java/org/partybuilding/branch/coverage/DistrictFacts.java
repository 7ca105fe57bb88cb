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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partybuilding.branch.domain.CoverageInputs;
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
 * Everything the coverage figures, the joint plan and standardization are computed from, kept in memory: the
 * organizations with their member counts, who covers each (own party organizations, instructors), and the active
 * party organizations. At 10,000 organizations and 100,000 members a report is then a pass over 10,000 facts in
 * memory, not a read of the database.
 *
 * <p>Freshness comes from {@link CoverageChanges}: the counter is read first; if it moved, the documents its log
 * names are read again and patched in, or, when the log cannot say (or it is a long way behind), everything is read
 * again. The counter is read before the data, so a change written meanwhile moves it past what is kept and the next
 * report reads again. A snapshot not read whole for {@link #MAX_AGE} is read whole again in the background, should a
 * change's counter step have been lost to a crash between the change and the step.
 */
@Component
public class DistrictFacts {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Beyond this many changes since the last read, everything is read again rather than each change. */
    static final int MAX_PATCHED_CHANGES = 2_000;

    /** One active party organization with the members of the organizations it covers. */
    public record PartyOrganizationLine(PartyOrganization partyOrganization, PartyOrganizationFacts facts) {
    }

    /** One organization as the registry describes it, with what coverage decides on. */
    public record OrganizationLine(OrganizationView organization, OrganizationFacts facts) {
    }

    /** What was read, as of {@code generation}: the documents, and the lines derived from them. */
    public record Snapshot(long generation, Instant readAt, List<OrganizationLine> organizations,
            List<PartyOrganizationLine> partyOrganizations, Sources sources) {
    }

    /** The documents a snapshot was derived from, by id; never changed once built. */
    record Sources(Map<String, OrganizationView> organizations, Map<String, MemberCount> counts,
            Map<String, PartyOrganization> activePartyOrganizations, Set<String> withInstructor) {
    }

    private final CoverageChanges changes;
    private final Organizations organizations;
    private final MemberCounts counts;
    private final PartyOrganizations partyOrganizations;
    private final Instructors instructors;
    private final Clock clock;

    private volatile Snapshot last;
    private final AtomicBoolean rereading = new AtomicBoolean();
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
            if (kept != null && !young(kept)) {
                rereadInTheBackground(generation);
            }
            if (kept != null && kept.generation() == generation) {
                return Mono.just(kept);
            }
            return reading(generation);
        });
    }

    private boolean young(Snapshot snapshot) {
        return Duration.between(snapshot.readAt(), clock.instant()).compareTo(MAX_AGE) < 0;
    }

    /**
     * The safety net runs beside the requests: they go on with what the log keeps up to date, and the full read
     * replaces it when done (unless a newer snapshot came meanwhile).
     */
    private void rereadInTheBackground(long generation) {
        if (rereading.compareAndSet(false, true)) {
            readAll(generation)
                    .doOnNext(this::keep)
                    .doFinally(signal -> rereading.set(false))
                    .subscribe(snapshot -> { }, failed -> { });
        }
    }

    /** Requests arriving while the district is read share the one read. */
    private synchronized Mono<Snapshot> reading(long generation) {
        if (reading == null || readingGeneration != generation) {
            readingGeneration = generation;
            Snapshot kept = last;
            Mono<Snapshot> read = kept != null && kept.generation() < generation
                    && generation - kept.generation() <= MAX_PATCHED_CHANGES
                    ? changes.between(kept.generation(), generation)
                            .flatMap(found -> found.map(list -> patch(kept, generation, list)).orElseGet(() -> readAll(generation)))
                    : readAll(generation);
            reading = read
                    .doOnNext(this::keep)
                    .doOnError(failed -> forget(generation))
                    .cache();
        }
        return reading;
    }

    private synchronized void keep(Snapshot snapshot) {
        if (last == null || snapshot.generation() >= last.generation()) {
            last = snapshot;
        }
    }

    private synchronized void forget(long generation) {
        if (readingGeneration == generation) {
            reading = null;
            readingGeneration = -1;
        }
    }

    private Mono<Snapshot> readAll(long generation) {
        Instant readAt = clock.instant();
        return Mono.zip(organizations.allForCoverage().collectMap(OrganizationView::id),
                        counts.ofAllOrganizations().collectMap(MemberCount::id),
                        partyOrganizations.allActive().collectMap(PartyOrganization::id),
                        instructors.organizationsWithInstructor().collect(HashSet<String>::new, Set::add))
                .map(read -> derive(generation, readAt, new Sources(read.getT1(), read.getT2(), read.getT3(), read.getT4())));
    }

    /** Reads again only what the changes name and derives the lines anew from the patched documents. */
    private Mono<Snapshot> patch(Snapshot kept, long generation, List<CoverageChanges.Change> list) {
        Instant readAt = clock.instant();
        Map<CoverageInputs.Kind, Set<String>> refs = list.stream().collect(Collectors.groupingBy(CoverageChanges.Change::kind,
                Collectors.mapping(CoverageChanges.Change::ref, Collectors.toSet())));
        Set<String> organizationIds = refs.getOrDefault(CoverageInputs.Kind.ORGANIZATION, Set.of());
        Set<String> countIds = refs.getOrDefault(CoverageInputs.Kind.ORGANIZATION_MEMBERS, Set.of());
        Set<String> partyIds = refs.getOrDefault(CoverageInputs.Kind.PARTY_ORGANIZATION, Set.of());
        Set<String> instructorIds = refs.getOrDefault(CoverageInputs.Kind.INSTRUCTOR, Set.of());
        return Mono.zip(
                        organizationIds.isEmpty() ? Mono.just(Map.<String, OrganizationView>of())
                                : organizations.forCoverage(organizationIds).collectMap(OrganizationView::id),
                        countIds.isEmpty() ? Mono.just(Map.<String, MemberCount>of()) : counts.ofOrganizations(countIds),
                        partyIds.isEmpty() ? Mono.just(Map.<String, PartyOrganization>of())
                                : partyOrganizations.byIds(partyIds).collectMap(PartyOrganization::id),
                        instructorIds.isEmpty() ? Mono.just(List.<String>of()) : instructors.organizationsOf(instructorIds).collectList())
                .map(read -> {
                    Sources before = kept.sources();
                    Map<String, OrganizationView> orgs = new HashMap<>(before.organizations());
                    orgs.putAll(read.getT1());
                    Map<String, MemberCount> memberCounts = new HashMap<>(before.counts());
                    memberCounts.putAll(read.getT2());
                    Map<String, PartyOrganization> parties = new HashMap<>(before.activePartyOrganizations());
                    for (String id : partyIds) {
                        PartyOrganization p = read.getT3().get(id);
                        if (p != null && p.active()) {
                            parties.put(id, p);
                        } else {
                            parties.remove(id);
                        }
                    }
                    Set<String> withInstructor = new HashSet<>(before.withInstructor());
                    withInstructor.addAll(read.getT4());
                    return derive(generation, kept.readAt().isBefore(readAt) ? kept.readAt() : readAt,
                            new Sources(orgs, memberCounts, parties, withInstructor));
                });
    }

    static Snapshot derive(long generation, Instant readAt, Sources sources) {
        Map<String, CoveringPartyOrganization> coveredBy = new HashMap<>();
        for (PartyOrganization p : sources.activePartyOrganizations().values()) {
            CoveringPartyOrganization covering = new CoveringPartyOrganization(p.id(), p.name(), p.formation());
            for (String organizationId : p.organizationIds()) {
                // Should two cover one (the API refuses it), the strongest formation counts: SINGLE, JOINT, AFFILIATED.
                coveredBy.merge(organizationId, covering, (a, b) -> a.formation().compareTo(b.formation()) <= 0 ? a : b);
            }
        }
        Map<String, MemberCount> counts = sources.counts();
        List<OrganizationLine> lines = new ArrayList<>(sources.organizations().size());
        for (OrganizationView o : sources.organizations().values()) {
            MemberCount count = counts.getOrDefault(o.id(), MemberCount.none(o.id()));
            lines.add(new OrganizationLine(o, new OrganizationFacts(o.id(), o.name(), o.street(), o.active(),
                    Math.max(0, count.formal()), Math.max(0, count.probationary()), coveredBy.get(o.id()),
                    sources.withInstructor().contains(o.id()))));
        }
        List<PartyOrganizationLine> parties = new ArrayList<>(sources.activePartyOrganizations().size());
        for (PartyOrganization p : sources.activePartyOrganizations().values()) {
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
                    p.formation(), formal, probationary, p.termEndsOn(), !p.committee().isEmpty(), p.secretaryMemberId() != null)));
        }
        return new Snapshot(generation, readAt, List.copyOf(lines), List.copyOf(parties), sources);
    }

    /** For tests of the derivation: the snapshot of these documents. */
    static Snapshot of(List<OrganizationView> organizations, List<MemberCount> counts, List<PartyOrganization> active,
            Set<String> withInstructor) {
        return derive(0, Instant.EPOCH, new Sources(
                organizations.stream().collect(Collectors.toMap(OrganizationView::id, Function.identity())),
                counts.stream().collect(Collectors.toMap(MemberCount::id, Function.identity())),
                active.stream().collect(Collectors.toMap(PartyOrganization::id, Function.identity())), withInstructor));
    }
}
