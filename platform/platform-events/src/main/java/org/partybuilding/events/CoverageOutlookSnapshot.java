package org.partybuilding.events;

import java.util.List;

/**
 * Data of {@code CoverageOutlookChanged} on {@code branch.party-organizations.v1} (key: the street): the party
 * organizations a street still needs, as branch-service's coverage rules and joint plan count them (rules 1 and 2,
 * with branch-service's configured thresholds). {@code shouldFormSingle} is the street's {@code SHOULD_FORM_SINGLE}
 * gaps, {@code proposedJoint} the joint party organizations its joint plan proposes. funding-service's budget
 * forecast (rule 18) takes its expected new party organizations from these figures and never counts them itself.
 * {@code id} is the street code; {@code version} rises with every change of the street's figures.
 */
public record CoverageOutlookSnapshot(
        String id,
        long version,
        String street,
        int shouldFormSingle,
        int proposedJoint) implements AggregateSnapshot {

    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("street", street)
                .notNegative("shouldFormSingle", shouldFormSingle)
                .notNegative("proposedJoint", proposedJoint)
                .list();
    }
}
