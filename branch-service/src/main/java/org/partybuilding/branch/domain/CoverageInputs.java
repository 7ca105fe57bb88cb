package org.partybuilding.branch.domain;

import reactor.core.publisher.Mono;

/**
 * What the coverage figures are computed from has changed. Whoever writes one of coverage's inputs (the organization
 * and member projections, party organizations, instructors) says so here after the write; coverage's
 * {@code CoverageChanges} implements it and keeps its report cache fresh from it. The writers know only this
 * interface, so the dependency runs from coverage down to them, never back up.
 */
public interface CoverageInputs {

    /** What changed; the {@code ref} given with it is that document's id. */
    enum Kind {
        ORGANIZATION, ORGANIZATION_MEMBERS, PARTY_ORGANIZATION, INSTRUCTOR
    }

    /** Records that {@code ref} of {@code kind} has changed; call after the change is written. */
    Mono<Void> changed(Kind kind, String ref);
}
