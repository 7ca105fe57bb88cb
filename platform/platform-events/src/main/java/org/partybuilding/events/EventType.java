package org.partybuilding.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of API.md with the topic it travels on. The CloudEvents {@code ce_type} is
 * {@code partybuilding.<name>}.
 */
public enum EventType {

    ORGANIZATION_REGISTERED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationRegistered"),
    ORGANIZATION_UPDATED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationUpdated"),
    ORGANIZATION_DEREGISTERED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationDeregistered"),

    PARTY_ORGANIZATION_ESTABLISHED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationEstablished"),
    PARTY_ORGANIZATION_UPDATED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationUpdated"),
    PARTY_ORGANIZATION_DISSOLVED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationDissolved"),
    INSTRUCTOR_ASSIGNED(Topics.BRANCH_PARTY_ORGANIZATIONS, "InstructorAssigned"),

    MEMBER_REGISTERED(Topics.MEMBER_MEMBERS, "MemberRegistered"),
    MEMBER_UPDATED(Topics.MEMBER_MEMBERS, "MemberUpdated"),
    MEMBER_STAGE_CHANGED(Topics.MEMBER_MEMBERS, "MemberStageChanged"),
    MEMBER_TRANSFERRED(Topics.MEMBER_MEMBERS, "MemberTransferred"),
    MEMBER_LEFT(Topics.MEMBER_MEMBERS, "MemberLeft"),
    DUES_PAID(Topics.MEMBER_MEMBERS, "DuesPaid"),

    TRAINING_ATTENDED(Topics.TRAINING_RECORDS, "TrainingAttended"),
    ACTIVITY_RECORDED(Topics.TRAINING_RECORDS, "ActivityRecorded"),

    FUNDING_ENTRY_BOOKED(Topics.FUNDING_LEDGER, "FundingEntryBooked");

    public static final String CE_TYPE_PREFIX = "partybuilding.";

    private final String topic;
    private final String simpleName;

    EventType(String topic, String simpleName) {
        this.topic = topic;
        this.simpleName = simpleName;
    }

    public String topic() {
        return topic;
    }

    public String simpleName() {
        return simpleName;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code partybuilding.OrganizationRegistered}. */
    public String ceType() {
        return CE_TYPE_PREFIX + simpleName;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
