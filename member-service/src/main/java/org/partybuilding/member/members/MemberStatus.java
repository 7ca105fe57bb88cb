package org.partybuilding.member.members;

/** 在册 (active here), 已转出 (relationship transferred out of the district), 已出党 (left the party). */
public enum MemberStatus {
    ACTIVE("在册"), TRANSFERRED_OUT("已转出"), LEFT("已出党");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
