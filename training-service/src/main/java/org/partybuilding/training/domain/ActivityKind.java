package org.partybuilding.training.domain;

/** The kinds of organizational life of rule 12. */
public enum ActivityKind {
    /** 党员大会 */
    GENERAL_MEETING,
    /** 支委会 */
    COMMITTEE_MEETING,
    /** 党小组会 */
    GROUP_MEETING,
    /** 党课 */
    PARTY_LESSON,
    /** 主题党日 */
    THEMED_PARTY_DAY,
    /** 组织生活会 */
    ORGANIZATIONAL_LIFE_MEETING,
    /** 民主评议党员 */
    DEMOCRATIC_APPRAISAL,
    /** 主题实践活动 */
    THEME_PRACTICE
}
