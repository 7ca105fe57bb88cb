package org.partybuilding.branch.partyorganization;

/** The yearly rating (评定) of a party organization. */
public enum Rating {
    /** 示范. */
    MODEL,
    /** 达标. */
    STANDARD,
    /** 软弱涣散: needs rectification. */
    WEAK,
    UNRATED
}
