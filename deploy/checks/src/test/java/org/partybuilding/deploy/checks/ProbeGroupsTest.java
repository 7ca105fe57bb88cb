package org.partybuilding.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Health that tells the truth about what a user can do (issue 21): whatever an orchestrator probes to take an instance
 * out of rotation or restart it (Kubernetes' probes, compose's health checks, the gateway's view of a service) is a
 * health group of the module's own, resolved from platform-starter's {@code platform-defaults.yml} and the module's
 * {@code application.yml}, and no such group includes Kafka (the outbox covers it), the outbox backlog or the gateway's
 * routes (another service being down): those are details of {@code /actuator/health} and alerts, never readiness.
 */
class ProbeGroupsTest {

    /** Health contributors that must never decide whether an instance takes traffic or lives. */
    private static final List<String> NEVER_PROBED = List.of("kafka", "outbox", "routes", "deadletters");
    private static final Pattern GROUP = Pattern.compile("/actuator/health(?:/([A-Za-z0-9-]+))?");

    /** {@code management.endpoint.health.group.<group>.include} of a module: its own application.yml over the defaults. */
    static Map<String, List<String>> groups(String module) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        collectGroups(Yamls.tree(Repository.read("platform/platform-starter/src/main/resources/platform-defaults.yml")), groups);
        collectGroups(Yamls.tree(Repository.read(module + "/src/main/resources/application.yml")), groups);
        return groups;
    }

    private static void collectGroups(JsonNode yaml, Map<String, List<String>> groups) {
        yaml.path("management").path("endpoint").path("health").path("group").fields().forEachRemaining(group -> {
            JsonNode include = group.getValue().path("include");
            List<String> members = new ArrayList<>();
            if (include.isArray()) {
                include.forEach(m -> members.add(m.asText().trim()));
            } else if (!include.isMissingNode()) {
                Arrays.stream(include.asText().split(",")).map(String::trim).forEach(members::add);
            }
            groups.put(group.getKey(), members);
        });
    }

    /** The group a probe path asks, or fails for the whole of /actuator/health (which includes Kafka). */
    static String group(String module, String path) {
        Matcher matcher = GROUP.matcher(path);
        assertThat(matcher.find()).as(module + " probes a health group: " + path).isTrue();
        assertThat(matcher.group(1)).as(module + " probes a group, never the whole /actuator/health: " + path).isNotNull();
        return matcher.group(1);
    }

    static void assertProbeable(String module, String path) {
        String group = group(module, path);
        Map<String, List<String>> groups = groups(module);
        assertThat(groups).as(module + " defines the probed group " + group).containsKey(group);
        assertThat(groups.get(group)).as(module + " group " + group + " (" + path + ")").isNotEmpty()
                .doesNotContainAnyElementsOf(NEVER_PROBED);
    }

    @Test
    void theDefaultsAndEveryModuleKeepKafkaTheOutboxAndTheRoutesOutOfReadinessAndLiveness() {
        for (String module : Repository.IMAGE_MODULES) {
            Map<String, List<String>> groups = groups(module);
            assertThat(groups.get("readiness")).as(module + " readiness").contains("readinessState")
                    .doesNotContainAnyElementsOf(NEVER_PROBED);
            assertThat(groups.get("liveness")).as(module + " liveness").containsExactly("livenessState");
        }
        for (String service : Repository.IMAGE_MODULES.stream().filter(m -> m.endsWith("-service")).toList()) {
            assertThat(groups(service).get("readiness")).as(service + " is ready when its own database answers").contains("mongo");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKubernetesProbeAsksAGroupWithoutKafkaOrTheRoutes(String overlay) {
        for (JsonNode deployment : KubernetesManifestsTest.render(overlay)) {
            if (!deployment.path("kind").asText().equals("Deployment")) {
                continue;
            }
            String module = deployment.path("metadata").path("name").asText();
            if (!Repository.IMAGE_MODULES.contains(module)) {
                continue;
            }
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertProbeable(module, container.path(probe).path("httpGet").path("path").asText());
                }
            }
        }
    }

    @Test
    void everyComposeHealthCheckAndTheGatewaysServiceHealthUrisAskAGroupWithoutKafkaOrTheRoutes() {
        JsonNode services = Yamls.tree(Repository.read("deploy/compose.yaml")).path("services");
        for (String module : Repository.IMAGE_MODULES) {
            assertProbeable(module, services.path(module).path("healthcheck").path("test").toString());
        }
        services.path("gateway").path("environment").fields().forEachRemaining(variable -> {
            if (variable.getKey().endsWith("_SERVICE_HEALTH_URI")) {
                String module = variable.getKey().substring(0, variable.getKey().indexOf("_SERVICE_")).toLowerCase() + "-service";
                assertProbeable(module, variable.getValue().asText());
            }
        });
    }

    @Test
    void aGroupWithKafkaOrTheRoutesWouldBeRefused() {
        Map<String, List<String>> old = new LinkedHashMap<>();
        collectGroups(Yamls.tree("""
                management:
                  endpoint:
                    health:
                      group:
                        readiness:
                          include: readinessState,mongo,kafka
                """), old);
        assertThat(old.get("readiness")).containsAnyElementsOf(NEVER_PROBED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> group("x", "/actuator/health"))
                .isInstanceOf(AssertionError.class);
    }
}
