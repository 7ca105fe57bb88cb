package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.DuesPaymentSnapshot;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One member's dues for one month. The id is member and month, so a second payment for the same
 * month collides on {@code _id} and is refused (409) by the database itself; {@code DuesPaid} waits
 * in the same document's outbox.
 */
@Document(DuesPayment.COLLECTION)
public record DuesPayment(@Id String id, long version, String memberId, String partyOrganizationId, String street, String month,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, @Field(targetType = FieldType.DECIMAL128) BigDecimal due,
        LocalDate paidOn, String recordedBy, Instant createdAt, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "dues_payments";

    public static String id(String memberId, String month) {
        return memberId + ":" + month;
    }

    public DuesPaymentSnapshot snapshot() {
        return new DuesPaymentSnapshot(id, version, memberId, partyOrganizationId, street, month, amount.toPlainString(), paidOn);
    }
}
