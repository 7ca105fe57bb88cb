package org.partybuilding.member.members;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes before the service reports ready: one member per ID number (by its keyed hash); the members of
 * an organization, of a party organization and of a street, which the list filters, data scope and the reactions to
 * organization and party-organization events select by (without them each such event read all 100,000 members);
 * the known organizations by credit code, which a roster may name employers by; the party organizations by the
 * organizations they cover (placement, rule 7a); dues payments by month (the arrears report).
 */
@Component
class MemberIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    MemberIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var indexes = mongo.indexOps(Member.COLLECTION);
        indexes.createIndex(new Index().on("idNumberHash", Sort.Direction.ASC).unique().named("id_number_hash"))
                .then(indexes.createIndex(new Index().on("transfers.id", Sort.Direction.ASC).named("transfer_id")))
                .then(indexes.createIndex(new Index().on("organizationId", Sort.Direction.ASC).named("organization")))
                .then(indexes.createIndex(new Index().on("partyOrganizationId", Sort.Direction.ASC).named("party_organization")))
                .then(indexes.createIndex(new Index().on("street", Sort.Direction.ASC).named("street")))
                // a member's dues and training hours, read on every payment and stage change
                .then(mongo.indexOps(org.partybuilding.member.dues.DuesPayment.COLLECTION)
                        .createIndex(new Index().on("memberId", Sort.Direction.ASC).named("member")))
                .then(mongo.indexOps(org.partybuilding.member.context.TrainingAttendance.COLLECTION)
                        .createIndex(new Index().on("memberId", Sort.Direction.ASC).named("member")))
                // a roster names employers by credit code
                .then(mongo.indexOps(org.partybuilding.member.context.KnownOrganization.COLLECTION)
                        .createIndex(new Index().on("creditCode", Sort.Direction.ASC).named("credit_code")))
                // a new member is placed in the party organization covering the employer (rule 7a)
                .then(mongo.indexOps(org.partybuilding.member.context.KnownPartyOrganization.COLLECTION)
                        .createIndex(new Index().on("organizationIds", Sort.Direction.ASC).named("covered_organizations")))
                // the arrears report asks who paid in the last months
                .then(mongo.indexOps(org.partybuilding.member.dues.DuesPayment.COLLECTION)
                        .createIndex(new Index().on("month", Sort.Direction.ASC).named("month")))
                .block();
    }
}
