package org.partybuilding.training.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.partybuilding.training.TrainingServiceApplication;
import org.partybuilding.training.context.Directory;
import org.partybuilding.platform.test.SecondInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two training-service instances on one database and one broker, as two replicas run (the test's broker has one
 * partition, so only one of them consumes the events): whichever consumed an event or took a write, both check the
 * next write against the same members and answer the same compliance, statistics and member records.
 */
class TwoInstancesApiTest extends TrainingApiTestBase {

    @RegisterExtension
    static final SecondInstance.PerClass second = SecondInstance.perClass(TrainingServiceApplication.class);

    private String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec onSecond(String uri, String bearer) {
        return second.web().get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).accept(MediaType.APPLICATION_JSON).exchange();
    }

    private WebTestClient.ResponseSpec postOnSecond(String uri, Object body, String bearer) {
        return second.web().post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @Test
    void bothInstancesCheckAndReportAlikeWhicheverConsumedOrWrote() {
        // whichever instance the broker gives the partition consumes them
        String po = id("po");
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization(po, 1, "NONGLIN", "ACTIVE", null, List.of()));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(id("m"));
            events.publish(EventType.MEMBER_REGISTERED, member(members.get(i), 1, po, "NONGLIN", "FORMAL", "ACTIVE"));
        }
        Directory secondDirectory = second.bean(Directory.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream().allMatch(m -> directory.member(m).isPresent()
                || secondDirectory.member(m).isPresent()));

        // recorded through the second instance: it knows the members whichever instance consumed their events, and
        // counts the quorum against all four (3 of 4 attended: more than half)
        postOnSecond("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-03-10", members.subList(0, 3)),
                token(Role.DISTRICT_ADMIN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.partyMembers").isEqualTo(4).jsonPath("$.quorum").isEqualTo(true);
        // not a member of the party organization: refused on either instance
        postOnSecond("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2025-03-11", List.of("m-nobody")),
                token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422);
        post("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2025-03-12", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated();
        // attendance on the first, corrected on the second
        String session = post("/api/training/sessions", Map.of("title", "党员培训", "kind", "PARTY_MEMBER_TRAINING",
                "organizer", "区委组织部", "startsOn", "2025-04-01", "endsOn", "2025-04-01", "hours", "8"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", members.subList(0, 2)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk();
        postOnSecond("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(members.get(0)), "hours", "6"),
                token(Role.DISTRICT_ADMIN)).expectStatus().isOk();

        for (String uri : List.of("/api/training/compliance?year=2025&street=NONGLIN",
                "/api/training/compliance?year=2025&quarter=1", "/api/training/statistics?year=2025&street=NONGLIN",
                "/api/training/members/" + members.get(0) + "/records?year=2025", "/api/training/reports/annual?year=2025&street=NONGLIN")) {
            assertThat(body(onSecond(uri, token(Role.DISTRICT_ADMIN)))).as(uri).isEqualTo(body(get(uri, token(Role.DISTRICT_ADMIN))));
        }
        get("/api/training/members/" + members.get(0) + "/records?year=2025", token(Role.DISTRICT_ADMIN)).expectBody()
                .jsonPath("$.years[0].trainingHours").isEqualTo(6.0);
        onSecond("/api/training/compliance?year=2025&street=NONGLIN", token(Role.DISTRICT_ADMIN)).expectBody()
                .jsonPath("$.total.requirements.GENERAL_MEETING.counted").isEqualTo(1);
    }
}
