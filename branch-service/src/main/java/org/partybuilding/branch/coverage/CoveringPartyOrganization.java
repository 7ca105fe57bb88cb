package org.partybuilding.branch.coverage;

import java.util.Objects;

import org.partybuilding.branch.domain.Formation;

/** The active party organization that covers an organization, and how it was formed. */
public record CoveringPartyOrganization(String id, String name, Formation formation) {

    public CoveringPartyOrganization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(formation, "formation");
    }
}
