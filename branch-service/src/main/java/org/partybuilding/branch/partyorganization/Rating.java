package org.partybuilding.branch.partyorganization;

/** The yearly rating (评定) of a party organization. */
public enum Rating {
    /** 示范. */
    MODEL("示范"),
    /** 达标. */
    STANDARD("达标"),
    /** 软弱涣散: needs rectification. */
    WEAK("软弱涣散"),
    UNRATED("未评定");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    /** Its Chinese name, as exports show it. */
    public String label() {
        return label;
    }
}
