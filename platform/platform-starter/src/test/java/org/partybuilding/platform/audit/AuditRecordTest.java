package org.partybuilding.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;

class AuditRecordTest {

    @Test
    void theActorOfARequestIsItsSubjectUserAndRoles() {
        Actor actor = Actor.of(new DataScope("sub-1", "street-admin", Set.of(Role.STREET_ADMIN, Role.AUDITOR), "JIANSHE", null));
        assertThat(actor.subject()).isEqualTo("sub-1");
        assertThat(actor.username()).isEqualTo("street-admin");
        assertThat(actor.roles()).containsExactly("street-admin", "auditor");
        assertThat(actor.system()).isFalse();
        assertThat(Actor.system("branch-events").system()).isTrue();
    }

    @Test
    void changesAreTheFieldsWhoseDisplayValueDiffersInTheViewsOrder() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("name", "李华");
        before.put("stage", "ACTIVIST");
        before.put("targetOn", null);
        before.put("phone", "138****5678");
        Map<String, String> after = new LinkedHashMap<>(before);
        after.put("stage", "DEVELOPMENT_TARGET");
        after.put("targetOn", "2025-03-01");
        after.remove("phone");
        assertThat(FieldChanges.between(before, after)).containsExactly(
                new FieldChange("stage", "ACTIVIST", "DEVELOPMENT_TARGET"),
                new FieldChange("targetOn", null, "2025-03-01"),
                new FieldChange("phone", "138****5678", null));
        assertThat(FieldChanges.initial(before)).extracting(FieldChange::field).containsExactly("name", "stage", "phone");
    }

    @Test
    void aRecordHasAnIdAndNoBlankReason() {
        AuditRecord record = AuditRecord.of(Instant.EPOCH, Actor.system("x"), "A", "Member", "m-1", null, "  ");
        assertThat(record.id()).isNotBlank();
        assertThat(record.changes()).isEqualTo(List.of());
        assertThat(record.reason()).isNull();
    }
}
