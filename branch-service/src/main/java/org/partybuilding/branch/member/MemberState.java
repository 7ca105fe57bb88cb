package org.partybuilding.branch.member;

import java.util.ArrayList;
import java.util.List;

import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.MemberSnapshot;
import org.springframework.data.annotation.Id;

/**
 * What branch-service keeps of a member (党员) from member-service's events, in {@value #COLLECTION}: where the
 * member is employed and whose relationship they are in, stage and status. No name, no personal data: the rules
 * here only count members and check that a secretary or committee member belongs to the party organization.
 * Written by {@code VersionedReadModels} (only a newer version applies); where the member is counted is kept
 * beside it in {@link MemberRow#counted()}, written only by {@link MemberCounts}.
 *
 * @param organizationId      the employer in the registry
 * @param partyOrganizationId the party organization holding the member's relationship (组织关系), if any
 * @param mobile              a mobile member (流动党员): the relationship stays elsewhere, so not counted for rule 1
 */
public record MemberState(
        @Id String id,
        long version,
        String organizationId,
        String partyOrganizationId,
        String street,
        String stage,
        String status,
        boolean mobile) {

    public static final String COLLECTION = "members";
    public static final String FORMAL = "FORMAL";
    public static final String PROBATIONARY = "PROBATIONARY";

    public static MemberState of(MemberSnapshot m) {
        List<String> missing = new ArrayList<>();
        if (m.id() == null || m.id().isBlank()) {
            missing.add("id");
        }
        if (m.version() < 1) {
            missing.add("version (≥ 1)");
        }
        if (m.stage() == null) {
            missing.add("stage");
        }
        if (m.status() == null) {
            missing.add("status");
        }
        if (!missing.isEmpty()) {
            throw new EventFormatException("MemberSnapshot lacks " + String.join(", ", missing));
        }
        return new MemberState(m.id(), m.version(), m.organizationId(), m.partyOrganizationId(), m.street(), m.stage(),
                m.status(), m.mobile());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Formal (正式党员) or probationary (预备党员): counted; members in development are not. */
    public MemberKind kind() {
        return FORMAL.equals(stage) ? MemberKind.FORMAL : PROBATIONARY.equals(stage) ? MemberKind.PROBATIONARY : null;
    }

    /**
     * Where this state counts the member: in the employer's figures when active, a party member and not mobile
     * (rule 1 counts members employed there whose relationship is in the district), in the party organization's
     * figures when active, a party member and its relationship is there.
     */
    public Counted counted() {
        MemberKind kind = kind();
        if (!active() || kind == null) {
            return Counted.NOWHERE;
        }
        return new Counted(mobile ? null : organizationId, partyOrganizationId, kind);
    }
}
