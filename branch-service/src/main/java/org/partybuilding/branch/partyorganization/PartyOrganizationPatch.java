package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PATCH /api/branches/{id}} (JSON merge patch): fields present replace, absent ones stay.
 * {@code sixHaves} items merge one by one, so a secretary may tick one box.
 */
public record PartyOrganizationPatch(String name, String secretary, String deputySecretary,
        List<PartyOrganizationDetails.Seat> committee, LocalDate electedOn, Integer electionPostponedMonths,
        SixHavesPatch sixHaves, Rating rating) {

    /** The six haves, each optional. */
    public record SixHavesPatch(Boolean plaque, Boolean flag, Boolean activityRoom, Boolean archiveCabinet,
            Boolean avEquipment, Boolean publicityBoard) {

        SixHaves mergeInto(SixHaves s) {
            return new SixHaves(or(plaque, s.plaque()), or(flag, s.flag()), or(activityRoom, s.activityRoom()),
                    or(archiveCabinet, s.archiveCabinet()), or(avEquipment, s.avEquipment()),
                    or(publicityBoard, s.publicityBoard()));
        }

        private static boolean or(Boolean value, boolean current) {
            return value != null ? value : current;
        }
    }

    /** Only the six-haves checklist: what a branch secretary may change. */
    boolean onlySixHaves() {
        return name == null && secretary == null && deputySecretary == null && committee == null && electedOn == null
                && electionPostponedMonths == null && rating == null && sixHaves != null;
    }

    PartyOrganizationDetails mergeInto(PartyOrganizationDetails d) {
        return new PartyOrganizationDetails(name != null ? name : d.name(), secretary != null ? secretary : d.secretary(),
                deputySecretary != null ? deputySecretary : d.deputySecretary(), committee != null ? committee : d.committee(),
                electedOn != null ? electedOn : d.electedOn(),
                electionPostponedMonths != null ? electionPostponedMonths : d.electionPostponedMonths(),
                sixHaves != null ? sixHaves.mergeInto(d.sixHaves() == null ? SixHaves.NONE : d.sixHaves()) : d.sixHaves(),
                rating != null ? rating : d.rating());
    }
}
