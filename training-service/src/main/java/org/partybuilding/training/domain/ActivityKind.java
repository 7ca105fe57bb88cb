package org.partybuilding.training.domain;

/** The kinds of organizational life of rule 12. */
public enum ActivityKind {
    /** 党员大会 */
    GENERAL_MEETING("党员大会"),
    /** 支委会 */
    COMMITTEE_MEETING("支委会"),
    /** 党小组会 */
    GROUP_MEETING("党小组会"),
    /** 党课 */
    PARTY_LESSON("党课"),
    /** 主题党日 */
    THEMED_PARTY_DAY("主题党日"),
    /** 组织生活会 */
    ORGANIZATIONAL_LIFE_MEETING("组织生活会"),
    /** 民主评议党员 */
    DEMOCRATIC_APPRAISAL("民主评议党员"),
    /** 主题实践活动 */
    THEME_PRACTICE("主题实践活动");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    /** Its Chinese name, as exports show it. */
    public String label() {
        return label;
    }
}
