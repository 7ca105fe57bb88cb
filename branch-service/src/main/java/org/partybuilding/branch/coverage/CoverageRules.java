package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOMAIN.md rules 1–3 and 6 for one organization, in plain Java:
 * <ul>
 * <li>3 or more formal members → it must have its own {@code SINGLE} party organization (应建必建);</li>
 * <li>1–2 formal members, or only probationary members → a {@code JOINT} or {@code AFFILIATED} one covers it;</li>
 * <li>no members → an instructor gives it work coverage; without one it is a gap of its own kind;</li>
 * <li>deregistered with its single party organization still active → flagged at once.</li>
 * </ul>
 */
public final class CoverageRules {

    /** The rules' numbers, from configuration ({@code branch.rules.*}). */
    @ConfigurationProperties("branch.rules")
    public record Thresholds(int singleMinFormalMembers, int jointMinFormalMembers, int jointMaxOrganizations,
            int branchMaxMembers, int committeeMinMembers) {

        public static final Thresholds DEFAULTS = new Thresholds(3, 3, 5, 50, 100);
    }

    private final Thresholds thresholds;

    public CoverageRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** How an active organization stands: covered by a party organization, by an instructor only, or not at all. */
    public Standing standing(OrganizationCoverage o) {
        if (o.coveredBy() != null) {
            return switch (o.coveredBy()) {
                case SINGLE -> Standing.SINGLE;
                case JOINT -> Standing.JOINT;
                case AFFILIATED -> Standing.AFFILIATED;
            };
        }
        return o.instructor() ? Standing.INSTRUCTOR_ONLY : Standing.UNCOVERED;
    }

    /** The organization's gaps; an organization has at most one. */
    public Optional<GapReason> gap(OrganizationCoverage o) {
        if (!o.active()) {
            return o.coveredBy() == Formation.SINGLE
                    ? Optional.of(GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION)
                    : Optional.empty();
        }
        if (o.formalMembers() >= thresholds.singleMinFormalMembers()) {
            return o.coveredBy() == Formation.SINGLE ? Optional.empty() : Optional.of(GapReason.SHOULD_FORM_SINGLE);
        }
        if (o.members() > 0) {
            return o.coveredBy() == null ? Optional.of(GapReason.NEEDS_JOINT) : Optional.empty();
        }
        return o.coveredBy() == null && !o.instructor() ? Optional.of(GapReason.NEEDS_INSTRUCTOR) : Optional.empty();
    }

    public List<Gap> gaps(List<OrganizationCoverage> organizations) {
        List<Gap> gaps = new ArrayList<>();
        for (OrganizationCoverage o : organizations) {
            gap(o).ifPresent(reason -> gaps.add(new Gap(o.organizationId(), o.name(), o.street(), reason)));
        }
        return gaps;
    }

    /** How an active organization is covered. */
    public enum Standing {
        SINGLE, JOINT, AFFILIATED, INSTRUCTOR_ONLY, UNCOVERED;

        public boolean byPartyOrganization() {
            return this == SINGLE || this == JOINT || this == AFFILIATED;
        }
    }

    /** One line of the gap list. */
    public record Gap(String organizationId, String organizationName, String street, GapReason reason) {
    }
}
