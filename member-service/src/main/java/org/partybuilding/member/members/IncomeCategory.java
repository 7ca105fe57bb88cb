package org.partybuilding.member.members;

/** What a member's dues are based on (rule 11). */
public enum IncomeCategory {
    EMPLOYED, RETIRED, STUDENT, UNEMPLOYED, HARDSHIP
}
