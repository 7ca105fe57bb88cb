package org.partybuilding.training.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;

/**
 * {@code GET /api/training/inbox}: a general meeting owed this quarter (street DATANG) is due on the quarter's last day,
 * goes once one with its quorum is held, and is never shown outside the caller's scope.
 */
class TrainingInboxApiTest extends TrainingApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private List<InboxItem> owed(String bearer, String po, String rule) {
        Inbox inbox = get("/api/training/inbox", bearer).expectStatus().isOk().expectBody(Inbox.class).returnResult().getResponseBody();
        assertThat(inbox.counts()).containsKey("MEETING_OWED");
        return inbox.items().stream().filter(i -> i.subjectId().equals(po) && (rule == null || i.rule().equals(rule))).toList();
    }

    @Test
    void aGeneralMeetingOwedThisQuarterIsDueUntilHeldWithItsQuorum() {
        String po = partyOrganization("DATANG");
        List<String> members = members(po, "DATANG", 3);
        LocalDate quarterEnd = TrainingInboxRules.currentPeriod(TODAY).end();

        List<InboxItem> general = owed(streetAdmin("DATANG"), po, "RULE_12_GENERAL_MEETING");
        assertThat(general).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("MEETING_OWED");
            assertThat(i.due()).isEqualTo(quarterEnd);
            assertThat(i.subjectName()).isEqualTo("党支部" + po);
            assertThat(i.route()).isEqualTo("/training/activities?partyOrganizationId=" + po + "&kind=GENERAL_MEETING");
        });
        assertThat(owed(secretary(po), po, "RULE_12_GENERAL_MEETING")).hasSize(1);
        assertThat(owed(streetAdmin("NONGLIN"), po, null)).isEmpty();
        assertThat(owed(secretary("po-elsewhere"), po, null)).isEmpty();
        get("/api/training/inbox", token(Role.FINANCE)).expectStatus().isForbidden();

        post("/api/training/activities", activity(po, "GENERAL_MEETING", TODAY.toString(), members.subList(0, 2)), secretary(po))
                .expectStatus().isCreated();
        assertThat(owed(token(Role.DISTRICT_ADMIN), po, "RULE_12_GENERAL_MEETING")).isEmpty();
        assertThat(owed(token(Role.DISTRICT_ADMIN), po, "RULE_12_THEMED_PARTY_DAY")).as("another meeting still owed").hasSize(1);
    }
}
