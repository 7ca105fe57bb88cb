package org.partybuilding.member.members;

/**
 * Development stages (rule 8) in their order: 入党申请人, 入党积极分子, 发展对象, 预备党员, 正式党员.
 * Only formal and probationary members are party members.
 */
public enum Stage {
    APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY, FORMAL;

    public boolean partyMember() {
        return this == PROBATIONARY || this == FORMAL;
    }

    /** The stage that follows, or {@code null} after {@code FORMAL}. */
    public Stage next() {
        return this == FORMAL ? null : values()[ordinal() + 1];
    }
}
