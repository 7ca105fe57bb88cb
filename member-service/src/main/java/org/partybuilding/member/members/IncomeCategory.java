package org.partybuilding.member.members;

/** What a member's dues are based on (rule 11). */
public enum IncomeCategory {
    EMPLOYED("在职"), RETIRED("退休"), STUDENT("学生"), UNEMPLOYED("失业"), HARDSHIP("困难");

    private final String label;

    IncomeCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
