package org.partybuilding.funding.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * The allocation run (年度工作经费核拨) of a fiscal year: one per year, {@code _id} = the year, inserted before any
 * entry is booked, so of two runs only one books. {@code BOOKING} while its entries are written; a run found
 * {@code perMemberYuan} is the year's policy when it ran, which every entry of the run was booked with. A run found
 * still booking after {@link Allocations#STALE_AFTER} stopped half-way and is finished by the next request.
 */
@Document(AllocationRun.COLLECTION)
public record AllocationRun(@Id int fiscalYear, LocalDate snapshotDate,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal perMemberYuan, Status status, Instant startedAt, String startedBy,
        Instant completedAt) {

    public static final String COLLECTION = "allocations";

    public enum Status {
        BOOKING, COMPLETED
    }
}
