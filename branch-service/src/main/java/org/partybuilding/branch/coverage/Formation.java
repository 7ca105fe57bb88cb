package org.partybuilding.branch.coverage;

/** How a party organization covers an organization (组建方式). */
public enum Formation {
    /** 单独建. */
    SINGLE,
    /** 联合建. */
    JOINT,
    /** 挂靠建. */
    AFFILIATED
}
