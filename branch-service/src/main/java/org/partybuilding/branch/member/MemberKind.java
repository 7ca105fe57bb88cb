package org.partybuilding.branch.member;

/** The members the rules count: formal (正式党员) and probationary (预备党员). */
public enum MemberKind {
    FORMAL, PROBATIONARY;

    /** The counter field of a {@link MemberCount}. */
    String field() {
        return this == FORMAL ? "formal" : "probationary";
    }
}
