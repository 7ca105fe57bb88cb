package org.partybuilding.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of API.md with the topic it travels on and the record its data is. The CloudEvents {@code ce_type} is
 * {@code partybuilding.<name>}.
 */
public enum EventType {

    ORGANIZATION_REGISTERED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationRegistered", OrganizationSnapshot.class),
    ORGANIZATION_UPDATED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationUpdated", OrganizationSnapshot.class),
    ORGANIZATION_DEREGISTERED(Topics.REGISTRY_ORGANIZATIONS, "OrganizationDeregistered", OrganizationSnapshot.class),

    PARTY_ORGANIZATION_ESTABLISHED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationEstablished", PartyOrganizationSnapshot.class),
    PARTY_ORGANIZATION_UPDATED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationUpdated", PartyOrganizationSnapshot.class),
    PARTY_ORGANIZATION_DISSOLVED(Topics.BRANCH_PARTY_ORGANIZATIONS, "PartyOrganizationDissolved", PartyOrganizationSnapshot.class),
    INSTRUCTOR_ASSIGNED(Topics.BRANCH_PARTY_ORGANIZATIONS, "InstructorAssigned", InstructorSnapshot.class),
    /** A street's coverage outlook (rules 1, 2) changed: what funding's forecast expects (rule 18). Key: the street. */
    COVERAGE_OUTLOOK_CHANGED(Topics.BRANCH_PARTY_ORGANIZATIONS, "CoverageOutlookChanged", CoverageOutlookSnapshot.class),

    MEMBER_REGISTERED(Topics.MEMBER_MEMBERS, "MemberRegistered", MemberSnapshot.class),
    MEMBER_UPDATED(Topics.MEMBER_MEMBERS, "MemberUpdated", MemberSnapshot.class),
    MEMBER_STAGE_CHANGED(Topics.MEMBER_MEMBERS, "MemberStageChanged", MemberSnapshot.class),
    MEMBER_TRANSFERRED(Topics.MEMBER_MEMBERS, "MemberTransferred", MemberSnapshot.class),
    MEMBER_LEFT(Topics.MEMBER_MEMBERS, "MemberLeft", MemberSnapshot.class),
    DUES_PAID(Topics.MEMBER_MEMBERS, "DuesPaid", DuesPaymentSnapshot.class),

    TRAINING_ATTENDED(Topics.TRAINING_RECORDS, "TrainingAttended", TrainingAttendanceSnapshot.class),
    ACTIVITY_RECORDED(Topics.TRAINING_RECORDS, "ActivityRecorded", ActivityRecordedSnapshot.class),

    FUNDING_ENTRY_BOOKED(Topics.FUNDING_LEDGER, "FundingEntryBooked", FundingEntrySnapshot.class);

    public static final String CE_TYPE_PREFIX = "partybuilding.";

    private final String topic;
    private final String simpleName;
    private final Class<? extends AggregateSnapshot> dataType;

    EventType(String topic, String simpleName, Class<? extends AggregateSnapshot> dataType) {
        this.topic = topic;
        this.simpleName = simpleName;
        this.dataType = dataType;
    }

    /** The record its data is (the contract deploy/asyncapi.yaml documents as the message's payload). */
    public Class<? extends AggregateSnapshot> dataType() {
        return dataType;
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
