package org.partybuilding.branch.domain;

/** How a party organization is formed (组建方式), and so how it covers an organization. */
public enum Formation {
    /** 单独建: the organization's own party organization. */
    SINGLE,
    /** 联合建: several organizations of one industry or street together. */
    JOINT,
    /** 挂靠建: attached to a supervisory unit's or association's party organization. */
    AFFILIATED
}
