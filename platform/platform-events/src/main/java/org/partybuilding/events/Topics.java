package org.partybuilding.events;

import java.util.List;

/** Kafka topics of API.md; each has a dead-letter twin {@code <topic>.dlt}. */
public final class Topics {

    public static final String REGISTRY_ORGANIZATIONS = "registry.organizations.v1";
    public static final String BRANCH_PARTY_ORGANIZATIONS = "branch.party-organizations.v1";
    public static final String MEMBER_MEMBERS = "member.members.v1";
    public static final String TRAINING_RECORDS = "training.records.v1";
    public static final String FUNDING_LEDGER = "funding.ledger.v1";

    public static final List<String> ALL = List.of(
            REGISTRY_ORGANIZATIONS, BRANCH_PARTY_ORGANIZATIONS, MEMBER_MEMBERS, TRAINING_RECORDS, FUNDING_LEDGER);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }
}
