package org.partybuilding.funding.policy;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * The funding policy (经费政策) of one fiscal year: annual working funds per member (DOMAIN.md
 * rule 15) and the start-up grant per newly established party organization (rule 14), in yuan.
 *
 * <p>Stored only once someone sets it ({@code version} 1 and up); a year nobody set has the
 * configured defaults at version 0. Ledger entries copy the amounts they are booked with, so a
 * later change of the policy never rewrites what was booked.
 */
@Document(FundingPolicy.COLLECTION)
public record FundingPolicy(
        @Id int fiscalYear,
        long version,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal perMemberYuan,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal startupYuan,
        Instant updatedAt,
        String updatedBy) {

    public static final String COLLECTION = "policies";

    /** The policy of a year nobody has set. */
    public static FundingPolicy defaults(int fiscalYear, PolicySettings settings) {
        return new FundingPolicy(fiscalYear, 0, settings.defaultPerMemberYuan(), settings.defaultStartupYuan(), null, null);
    }

    public boolean isDefault() {
        return version == 0;
    }
}
