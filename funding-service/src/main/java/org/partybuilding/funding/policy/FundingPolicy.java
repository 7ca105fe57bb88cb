package org.partybuilding.funding.policy;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The funding policy (经费政策) of one fiscal year: working funds per member (DOMAIN.md rule 15)
 * and the start-up grant per new party organization (rule 14). Amounts are stored as decimal
 * strings. Changing a policy never rewrites entries already booked: entries keep the amounts they
 * were booked with.
 */
@Document(FundingPolicy.COLLECTION)
public record FundingPolicy(@Id int fiscalYear, long version, String perMemberYuan, String startupYuan, Instant updatedAt,
        String updatedBy) {

    public static final String COLLECTION = "policies";

    public BigDecimal perMember() {
        return new BigDecimal(perMemberYuan);
    }

    public BigDecimal startup() {
        return new BigDecimal(startupYuan);
    }
}
