package org.partybuilding.member.members;

public enum Gender {
    MALE, FEMALE
}
