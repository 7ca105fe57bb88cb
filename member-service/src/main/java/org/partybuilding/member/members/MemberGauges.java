package org.partybuilding.member.members;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partybuilding.member.development.Stage;
import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/** The dashboards' figure of this service: active members and people in development by stage, from the in-memory {@link MemberDirectory}. */
@Configuration(proxyBeanMethods = false)
class MemberGauges {

    static final String MEMBERS = "platform.member.members";

    @Bean
    ReadModelGauge membersByStage(MemberDirectory directory) {
        return ReadModelGauge.of(MEMBERS, "Active members and people in development by stage",
                () -> Mono.fromSupplier(() -> {
                    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
                    for (Stage stage : Stage.values()) {
                        counts.put(stage, 0L);
                    }
                    directory.matching(entry -> true).forEach(entry -> counts.merge(entry.stage(), 1L, Long::sum));
                    Map<Tags, Number> rows = new LinkedHashMap<>();
                    counts.forEach((stage, n) -> rows.put(Tags.of("stage", stage.name()), n));
                    return rows;
                }));
    }
}
