package org.partybuilding.member.development;

/**
 * Development stages (rule 8) in their order: 入党申请人, 入党积极分子, 发展对象, 预备党员, 正式党员.
 * Only formal and probationary members are party members.
 */
public enum Stage {
    APPLICANT("入党申请人"), ACTIVIST("入党积极分子"), DEVELOPMENT_TARGET("发展对象"), PROBATIONARY("预备党员"), FORMAL("正式党员");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean partyMember() {
        return this == PROBATIONARY || this == FORMAL;
    }

    /** The stage that follows, or {@code null} after {@code FORMAL}. */
    public Stage next() {
        return this == FORMAL ? null : values()[ordinal() + 1];
    }
}
