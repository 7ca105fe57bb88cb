package org.partybuilding.training.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.ledger.TrainingLedger;

/** What a restarted service knows: the read models and the ledger rebuilt from the collections give the same figures. */
class StartupLoaderTest extends TrainingApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private org.partybuilding.training.context.TrainingChanges changes;

    @Test
    void aRestartRebuildsTheSameFigures() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        post("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2025-05-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated();
        String session = post("/api/training/sessions", Map.of("title", "书记培训", "kind", "SECRETARY_TRAINING", "organizer", "区委组织部",
                "startsOn", "2025-03-01", "endsOn", "2025-03-01", "hours", "8"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(members.get(0))), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk();
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(members.get(0)), "hours", "6"),
                token(Role.DISTRICT_ADMIN)).expectStatus().isOk();

        Directory directory = new Directory();
        TrainingLedger ledger = new TrainingLedger();
        new StartupLoader(mongo, directory, ledger, changes, java.time.Clock.systemUTC()).run(null);

        assertThat(directory.partyOrganization(po)).isPresent();
        assertThat(directory.partyMembers(po)).isEqualTo(2);
        assertThat(ledger.held(po, ActivityKind.THEMED_PARTY_DAY, false, YearMonth.of(2025, 5))).isEqualTo(1);
        assertThat(ledger.totals(members.get(0), 2025).trainingHours()).isEqualByComparingTo("6");
        assertThat(ledger.totals(members.get(0), 2025).activityHours()).isEqualByComparingTo("2");
        assertThat(ledger.totals(members.get(1), 2025).hours()).isEqualByComparingTo("2");
    }
}
