package org.partybuilding.funding.context;

import org.partybuilding.events.CoverageOutlookSnapshot;
import org.springframework.data.annotation.Id;

/**
 * A street's coverage outlook as branch-service announces it ({@code CoverageOutlookChanged}): the party organizations
 * rules 1 and 2 say it still needs. The forecast (rule 18) expects its new party organizations from these figures;
 * funding never counts them itself.
 */
public record CoverageOutlookView(@Id String id, long version, String street, int shouldFormSingle, int proposedJoint) {

    public static final String COLLECTION = "coverage_outlooks";

    public static CoverageOutlookView of(CoverageOutlookSnapshot snapshot) {
        return new CoverageOutlookView(snapshot.id(), snapshot.version(), snapshot.street(), snapshot.shouldFormSingle(),
                snapshot.proposedJoint());
    }
}
