package org.partybuilding.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Any aggregate record as the trail shows it: field by field, nested records dotted, personal data masked. */
class AuditViewsTest {

    enum Status { ACTIVE, CLOSED }

    record Person(String name, String idNumber, String phone) {
    }

    record Seat(String memberId, String role) {
    }

    record Aggregate(String id, long version, String name, Status status, LocalDate since, BigDecimal amount, Person head,
            List<Seat> seats, String helper, Instant createdAt, Instant updatedAt, List<Object> outbox) {
    }

    private static Aggregate aggregate(String name, String phone, List<Seat> seats) {
        return new Aggregate("a-1", 3, name, Status.ACTIVE, LocalDate.of(2024, 3, 1), new BigDecimal("1000.00"),
                new Person("王芳", "44010419900101123X", phone), seats, "internal", Instant.EPOCH, Instant.now(), List.of("event"));
    }

    @Test
    void showsEveryFieldButTheBookkeepingWithPersonalDataMasked() {
        Map<String, String> view = AuditViews.of(aggregate("协会", "13812345678", List.of(new Seat("m-1", "SECRETARY"))),
                Set.of("helper"));
        assertThat(view).containsOnlyKeys("name", "status", "since", "amount", "head.name", "head.idNumber", "head.phone", "seats");
        assertThat(view).containsEntry("status", "ACTIVE").containsEntry("since", "2024-03-01").containsEntry("amount", "1000.00")
                .containsEntry("head.idNumber", "4401**********123X").containsEntry("head.phone", "138****5678")
                .containsEntry("seats", "[{memberId=m-1, role=SECRETARY}]");
    }

    @Test
    void theChangesAreTheFieldsThatDiffer() {
        Aggregate before = aggregate("协会", "13812345678", List.of());
        Aggregate after = aggregate("志愿者协会", "13912345678", List.of(new Seat("m-2", "MEMBER")));
        List<FieldChange> changes = FieldChanges.between(AuditViews.of(before), AuditViews.of(after));
        assertThat(changes).containsExactly(new FieldChange("name", "协会", "志愿者协会"),
                new FieldChange("head.phone", "138****5678", "139****5678"),
                new FieldChange("seats", "[]", "[{memberId=m-2, role=MEMBER}]"));
    }

    @Test
    void personalDataIsNeverKeptInClearEvenWhereTheMasksOfBeforeAndAfterAgree() {
        Aggregate before = aggregate("协会", "13812345678", List.of());
        Aggregate after = aggregate("协会", "13800005678", List.of());
        assertThat(FieldChanges.between(AuditViews.of(before), AuditViews.of(after))).isEmpty();
        assertThat(AuditViews.of(after).values()).noneMatch(v -> v != null && v.contains("13800005678"));
    }
}
