package org.partybuilding.branch.coverage;

import java.util.List;

import org.partybuilding.events.CoverageOutlookSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a street still needs, as announced ({@code CoverageOutlookChanged}): its {@code SHOULD_FORM_SINGLE} gaps and
 * the joint party organizations its joint plan proposes. One document per street in {@value #COLLECTION}, with the
 * event in its outbox; {@code version} rises with every change of the figures.
 */
@Document(CoverageOutlook.COLLECTION)
record CoverageOutlook(@Id String id, long version, int shouldFormSingle, int proposedJoint, List<OutboxEvent> outbox) {

    static final String COLLECTION = "coverage_outlooks";

    CoverageOutlook {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    boolean sameFigures(int single, int joint) {
        return shouldFormSingle == single && proposedJoint == joint;
    }

    CoverageOutlookSnapshot snapshot() {
        return new CoverageOutlookSnapshot(id, version, id, shouldFormSingle, proposedJoint);
    }

    /** The first announcement of a street, with its event. */
    static CoverageOutlook first(String street, int single, int joint) {
        CoverageOutlook outlook = new CoverageOutlook(street, 1, single, joint, List.of());
        return new CoverageOutlook(street, 1, single, joint, List.of(OutboxEvent.of(EventType.COVERAGE_OUTLOOK_CHANGED,
                outlook.snapshot())));
    }
}
