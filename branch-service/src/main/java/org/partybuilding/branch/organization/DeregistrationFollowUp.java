package org.partybuilding.branch.organization;

import reactor.core.publisher.Mono;

/**
 * What else follows when the registry deregisters an organization (rule 6: joint party organizations drop it).
 * {@link OrganizationProjection} calls it once the stored organization is inactive; party organizations implement
 * it, so this read model does not depend on the feature built over it.
 */
public interface DeregistrationFollowUp {

    /** Applies rule 6 for {@code organizationId}; applying it again changes nothing. */
    Mono<Void> organizationDeregistered(String organizationId);
}
