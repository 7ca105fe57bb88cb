package org.partybuilding.training.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.ledger.TrainingLedger;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: measures the compliance request over 2,500 party organizations and 100,000 activities
 * held in memory (what the service answers from), including JSON. Run on purpose only:
 * {@code -Dtest=ComplianceHotPathMeasure -Dtraining.measure=true}. The benchmark through the gateway is bench/.
 */
@EnabledIfSystemProperty(named = "training.measure", matches = "true")
class ComplianceHotPathMeasure extends TrainingApiTestBase {

    @Autowired
    TrainingLedger ledger;

    @Test
    void measure() {
        String[] streets = {"HONGQIAO", "BEIJING", "LIURONG", "LIUHUA", "GUANGTA", "RENMIN", "DONGSHAN", "NONGLIN", "MEIHUACUN",
                "HUANGHUAGANG", "HUALE", "JIANSHE", "DATANG", "ZHUGUANG", "DADONG", "BAIYUN", "DENGFENG", "KUANGQUAN"};
        ActivityKind[] kinds = ActivityKind.values();
        int activity = 0;
        for (int p = 0; p < 2500; p++) {
            String id = "bench-po-" + p;
            List<String> members = new ArrayList<>();
            for (int m = 0; m < 8; m++) {
                members.add(id + "-m" + m);
                directory.put(new KnownMember(id + "-m" + m, 1, "党员", "org", id, streets[p % 18], "FORMAL", "ACTIVE"));
            }
            directory.put(new KnownPartyOrganization(id, 1, "党支部" + p, "BRANCH", "SINGLE", streets[p % 18], "ACTIVE",
                    LocalDate.of(2020, 1, 1), null, members.get(0), p % 2 == 0 ? members.subList(0, 3) : List.of()));
            for (int a = 0; a < 40; a++) {
                ActivityKind kind = kinds[(a + p) % kinds.length];
                ledger.recordActivity("bench-a-" + activity++, id, kind, LocalDate.of(2026, 1 + (a * 7 + p) % 12, 1 + a % 28),
                        kind == ActivityKind.PARTY_LESSON && a % 3 == 0, false, members.subList(0, 6), BigDecimal.ONE);
            }
        }
        var big = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        String admin = token(Role.DISTRICT_ADMIN);
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            byte[] body = big.get().uri("/api/training/compliance?year=2026").header("Authorization", admin).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            long year = System.nanoTime() - start;
            start = System.nanoTime();
            big.get().uri("/api/training/compliance?year=2026&quarter=2").header("Authorization", admin).exchange().expectStatus().isOk().expectBody();
            long quarter = System.nanoTime() - start;
            start = System.nanoTime();
            big.get().uri("/api/training/statistics?year=2026").header("Authorization", admin).exchange().expectStatus().isOk().expectBody();
            long statistics = System.nanoTime() - start;
            System.out.printf("compliance year %d ms (%d KB), quarter %d ms, statistics %d ms (%d activities)%n", year / 1_000_000,
                    body.length / 1024, quarter / 1_000_000, statistics / 1_000_000, ledger.activityCount());
        }
    }
}
