package org.partybuilding.funding.ledger;

/** The kinds of ledger entry (DOMAIN.md rule 17). */
public enum EntryKind {
    /** 启动经费: rule 14, once per party organization, from its establishment. */
    STARTUP_GRANT("启动经费"),
    /** 工作经费: rule 15, per member per year, by the allocation run. */
    ANNUAL_WORKING_FUNDS("年度工作经费"),
    /** 党费返还: rule 16, each dues payment in full. */
    DUES_RETURN("党费返还"),
    /** 调整: a correction with a reason; the only way to change what was booked. */
    ADJUSTMENT("调整");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    /** Its Chinese name, as exports show it. */
    public String label() {
        return label;
    }
}
