package org.partybuilding.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/k8s, checked without a cluster: each overlay renders with {@code kubectl kustomize} (offline), every
 * manifest fits its kind's schema, the workloads have probes, resources, disruption budgets, autoscalers and
 * network policies, Kafka topics are replicated three times, the realm import is the committed realm, and
 * every variable the services read is set.
 */
class KubernetesManifestsTest {

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    /** The overlay's manifests as {@code kubectl kustomize deploy/k8s/overlays/<overlay>} prints them. */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
            ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize",
                    Repository.root().resolve("deploy/k8s/overlays/" + o).toString());
            builder.redirectError(ProcessBuilder.Redirect.DISCARD); // deprecation warnings of newer kustomize
            try {
                Process process = builder.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("kubectl kustomize deploy/k8s/overlays/" + o).isZero();
                return Yamls.documents(out);
            } catch (IOException e) {
                throw new AssertionError("kubectl is needed (Debian package kubernetes-client; .ci/run installs it): " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode named(List<JsonNode> manifests, String kind, String name) {
        return ofKind(manifests, kind).stream().filter(m -> m.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersAndEveryManifestFitsTheSchemaOfItsKind(String overlay) {
        List<JsonNode> manifests = render(overlay);
        assertThat(manifests).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        manifests.forEach(m -> problems.addAll(StrictModels.problems(m)));
        assertThat(problems).isEmpty();
        String namespace = overlay.equals("prod") ? "party-building" : "party-building-dev";
        manifests.stream().filter(m -> !m.path("kind").asText().equals("Namespace"))
                .forEach(m -> assertThat(m.path("metadata").path("namespace").asText())
                        .as(m.path("kind").asText() + " " + m.path("metadata").path("name").asText()).isEqualTo(namespace));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theSchemaChecksRefuseWhatIsWrong(String overlay) {
        JsonNode deployment = named(render(overlay), "Deployment", "gateway").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec")).put("replica", 2);
        assertThat(StrictModels.problems(deployment)).isNotEmpty();
        JsonNode mongo = named(render(overlay), "MongoDBCommunity", "platform-mongodb").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) mongo.path("spec")).put("member", 3);
        assertThat(StrictModels.problems(mongo)).isNotEmpty();
        JsonNode keycloak = named(render(overlay), "Keycloak", "keycloak").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) keycloak.path("spec").path("db")).put("vendor", "sqlite");
        assertThat(StrictModels.problems(keycloak)).isNotEmpty();
        JsonNode topic = ofKind(render(overlay), "KafkaTopic").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) topic.path("spec")).put("replicationFactor", 3);
        assertThat(StrictModels.problems(topic)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadHasProbesResourcesADisruptionBudgetAnAutoscalerAndRunsAsNonRoot(String overlay) {
        List<JsonNode> manifests = render(overlay);
        Set<String> deployments = new TreeSet<>();
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            deployments.add(name);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name + " runs as non-root").isTrue();
            for (JsonNode container : pod.path("containers")) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container.has(probe)).as(name + " " + probe).isTrue();
                }
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/actuator/health/readiness");
                assertThat(container.path("resources").path("requests").has("cpu")).as(name + " requests cpu").isTrue();
                assertThat(container.path("resources").path("requests").has("memory")).isTrue();
                assertThat(container.path("resources").path("limits").has("memory")).as(name + " memory limit").isTrue();
                assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            }
            JsonNode labels = pod.isMissingNode() ? null : deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(ofKind(manifests, "PodDisruptionBudget")).as(name + " has a PodDisruptionBudget")
                    .anyMatch(pdb -> selects(pdb.path("spec").path("selector"), labels));
            boolean autoscaled = ofKind(manifests, "HorizontalPodAutoscaler").stream()
                    .anyMatch(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name)
                            && hpa.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment"));
            assertThat(autoscaled).as(name + " has a HorizontalPodAutoscaler").isTrue();
        }
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(Repository.IMAGE_MODULES);
    }

    /**
     * Production runs every service at least twice (no service keeps a figure or a session in one instance's memory):
     * replicas and the autoscaler's minimum ≥ 2, a disruption budget that keeps one running, a rolling update.
     */
    @org.junit.jupiter.api.Test
    void everyDeploymentInProductionRunsAtLeastTwiceWithItsDisruptionBudgetAndAutoscaler() {
        assertThat(scalingProblems(render("prod"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theScalingCheckRefusesASingleInstanceInProduction() {
        List<JsonNode> manifests = new ArrayList<>(render("prod").stream().map(m -> (JsonNode) m.deepCopy()).toList());
        JsonNode funding = named(manifests, "Deployment", "funding-service");
        ((com.fasterxml.jackson.databind.node.ObjectNode) funding.path("spec")).put("replicas", 1);
        assertThat(scalingProblems(manifests)).anyMatch(p -> p.contains("funding-service") && p.contains("replicas"));

        List<JsonNode> withoutAutoscaler = render("prod").stream().filter(m -> !(m.path("kind").asText()
                .equals("HorizontalPodAutoscaler") && m.path("metadata").path("name").asText().equals("training-service")))
                .toList();
        assertThat(scalingProblems(withoutAutoscaler)).anyMatch(p -> p.contains("training-service") && p.contains("autoscaler"));

        List<JsonNode> withoutBudget = render("prod").stream().filter(m -> !(m.path("kind").asText()
                .equals("PodDisruptionBudget") && m.path("metadata").path("name").asText().equals("gateway"))).toList();
        assertThat(scalingProblems(withoutBudget)).anyMatch(p -> p.contains("gateway") && p.contains("disruption budget"));
    }

    /** What keeps a production Deployment from running as two or more instances, one line per problem. */
    private static List<String> scalingProblems(List<JsonNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode spec = deployment.path("spec");
            if (spec.path("replicas").asInt(1) < 2) {
                problems.add(name + ": replicas " + spec.path("replicas").asInt(1) + " < 2");
            }
            if (spec.path("strategy").path("type").asText("RollingUpdate").equals("Recreate")) {
                problems.add(name + ": Recreate stops every instance at once");
            }
            JsonNode labels = spec.path("template").path("metadata").path("labels");
            List<JsonNode> budgets = ofKind(manifests, "PodDisruptionBudget").stream()
                    .filter(pdb -> selects(pdb.path("spec").path("selector"), labels)).toList();
            if (budgets.isEmpty()) {
                problems.add(name + ": no disruption budget");
            }
            budgets.stream().filter(pdb -> pdb.path("spec").path("minAvailable").asInt(0) < 1
                    && pdb.path("spec").path("maxUnavailable").asInt(1) != 1)
                    .forEach(pdb -> problems.add(name + ": disruption budget " + pdb.path("spec") + " may stop every instance"));
            List<JsonNode> autoscalers = ofKind(manifests, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name)
                            && hpa.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment"))
                    .toList();
            if (autoscalers.isEmpty()) {
                problems.add(name + ": no autoscaler");
            }
            autoscalers.stream().filter(hpa -> hpa.path("spec").path("minReplicas").asInt(1) < 2)
                    .forEach(hpa -> problems.add(name + ": autoscaler minReplicas " + hpa.path("spec").path("minReplicas").asInt(1) + " < 2"));
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesDenyByDefaultAndLetEachWorkloadTalkOnlyWhereItMust(String overlay) {
        List<JsonNode> manifests = render(overlay);
        List<JsonNode> policies = ofKind(manifests, "NetworkPolicy");
        assertThat(policies).as("a default deny for every pod, in and out").anyMatch(p ->
                p.path("spec").path("podSelector").isEmpty() && !p.path("spec").has("ingress") && !p.path("spec").has("egress")
                        && p.path("spec").path("policyTypes").toString().contains("Ingress")
                        && p.path("spec").path("policyTypes").toString().contains("Egress"));
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(policies).as(name + " may be reached").anyMatch(p -> selects(p.path("spec").path("podSelector"), labels)
                    && p.path("spec").has("ingress"));
            assertThat(policies).as(name + " may reach what it needs").anyMatch(p ->
                    selects(p.path("spec").path("podSelector"), labels) && p.path("spec").has("egress")
                            && !p.path("spec").path("podSelector").isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPlatformTopicIsAStrimziTopicWithReplicationThree(String overlay) {
        List<JsonNode> manifests = render(overlay);
        JsonNode env = named(manifests, "ConfigMap", "platform-env").path("data");
        int partitions = Integer.parseInt(env.path("PLATFORM_KAFKA_PARTITIONS").asText());
        assertThat(env.path("PLATFORM_KAFKA_REPLICAS").asText()).isEqualTo("3");
        Set<String> topics = new TreeSet<>();
        for (JsonNode topic : ofKind(manifests, "KafkaTopic")) {
            topics.add(topic.path("spec").path("topicName").asText());
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec").path("partitions").asInt())
                    .as("the services create topics with PLATFORM_KAFKA_PARTITIONS; the same here").isEqualTo(partitions);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("party-building");
        }
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        assertThat(topics).isEqualTo(expected);
        JsonNode pool = named(manifests, "KafkaNodePool", "dual-role");
        assertThat(pool.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(named(manifests, "MongoDBCommunity", "platform-mongodb").path("spec").path("members").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRealmImportIsTheCommittedRealm(String overlay) {
        List<JsonNode> manifests = render(overlay);
        JsonNode realmImport = named(manifests, "KeycloakRealmImport", "party-building-realm");
        JsonNode committed = Yamls.tree(Repository.read("deploy/keycloak/party-building-realm.json"));
        // the overlay sends the portal's browsers back to its own gateway host instead of localhost
        String gatewayHost = StreamSupport.stream(named(manifests, "Ingress", "party-building").path("spec").path("rules")
                .spliterator(), false).filter(r -> r.path("http").path("paths").get(0).path("backend").path("service")
                .path("name").asText().equals("gateway")).findFirst().orElseThrow().path("host").asText();
        JsonNode portal = StreamSupport.stream(realmImport.path("spec").path("realm").path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals("portal")).findFirst().orElseThrow();
        assertThat(portal.path("rootUrl").asText()).isEqualTo("https://" + gatewayHost);
        assertThat(portal.path("redirectUris").toString()).isEqualTo("[\"https://" + gatewayHost + "/*\"]");
        assertThat(portal.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("https://" + gatewayHost + "/*");
        assertThat(withoutPortalAddresses(realmImport.path("spec").path("realm")))
                .as("deploy/k8s/base/realm-import.yaml spec.realm = deploy/keycloak/party-building-realm.json")
                .isEqualTo(withoutPortalAddresses(committed));
        assertThat(realmImport.toString()).doesNotContain("localhost");
        assertThat(realmImport.path("spec").path("placeholders").has("DISTRICT_FINANCE_CLIENT_SECRET")).isTrue();
    }

    private static JsonNode withoutPortalAddresses(JsonNode realm) {
        JsonNode copy = realm.deepCopy();
        for (JsonNode client : copy.path("clients")) {
            if (client.path("clientId").asText().equals("portal")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) client).remove(List.of("rootUrl", "redirectUris"));
                ((com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes")).remove("post.logout.redirect.uris");
            }
        }
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsFromThisBuildOrAPinnedUpstreamRelease(String overlay) {
        for (JsonNode workload : render(overlay)) {
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                String image = container.path("image").asText();
                assertThat(Repository.fromThisBuild(image) || Repository.pinnedUpstream(image))
                        .as(workload.path("metadata").path("name").asText() + " image " + image).isTrue();
            }
        }
        assertThat(named(render(overlay), "MongoDBCommunity", "platform-mongodb").path("spec").path("version").asText())
                .matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(named(render(overlay), "Kafka", "party-building").path("spec").path("kafka").path("version").asText())
                .matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableTheServicesReadIsSetAndEverySecretTheyNeedIsDocumented(String overlay) {
        List<JsonNode> manifests = render(overlay);
        for (String module : Repository.IMAGE_MODULES) {
            JsonNode container = named(manifests, "Deployment", module).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Set<String> set = new TreeSet<>();
            container.path("env").forEach(e -> set.add(e.path("name").asText()));
            container.path("envFrom").forEach(from -> named(manifests, "ConfigMap",
                    from.path("configMapRef").path("name").asText()).path("data").fieldNames().forEachRemaining(set::add));
            assertThat(set).as(module + " in deploy/k8s/overlays/" + overlay).containsAll(Repository.environmentReadBy(module));
        }
        Set<String> secrets = new TreeSet<>();
        for (JsonNode manifest : manifests) {
            collectSecretNames(manifest, secrets);
        }
        assertThat(secrets).contains("platform-privacy-key", "keycloak-db", "mongodb-registry-password");
        String readme = Repository.read("deploy/README.md");
        assertThat(secrets).as("deploy/README.md says how to make each Secret").allMatch(readme::contains);
    }

    private static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("secretKeyRef") || key.equals("passwordSecretRef") || key.equals("usernameSecret")
                        || key.equals("passwordSecret") || key.equals("secret")) && value.has("name")) {
                    names.add(value.path("name").asText());
                } else if ((key.equals("secret") || key.equals("secretName") || key.equals("tlsSecret")) && value.isTextual()
                        && !value.asText().startsWith("${")) { // the realm's placeholder, filled from a Secret
                    names.add(value.asText());
                }
                collectSecretNames(value, names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecretNames(element, names));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void portsProbesAndTheGatewaysRoutesAgreeWithWhatTheServicesListenOn(String overlay) {
        List<JsonNode> manifests = render(overlay);
        JsonNode gatewayEnv = named(manifests, "ConfigMap", "gateway-env").path("data");
        for (String module : Repository.IMAGE_MODULES) {
            JsonNode container = named(manifests, "Deployment", module).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Map<String, String> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            Map<String, Integer> ports = new java.util.HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).as(module + " container ports").containsEntry("http", Integer.parseInt(env.get("SERVER_PORT")))
                    .containsEntry("management", Integer.parseInt(env.get("MANAGEMENT_SERVER_PORT")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).isEqualTo("management");
            }
            JsonNode service = named(manifests, "Service", module);
            if (!module.equals("gateway")) {
                String key = module.substring(0, module.indexOf("-service")).toUpperCase();
                assertThat(gatewayEnv.path(key + "_SERVICE_URI").asText()).isEqualTo("http://" + module + ":" + env.get("SERVER_PORT"));
                assertThat(gatewayEnv.path(key + "_SERVICE_HEALTH_URI").asText()).isEqualTo(
                        "http://" + module + ":" + env.get("MANAGEMENT_SERVER_PORT") + "/actuator/health/readiness");
                assertThat(service.path("spec").path("ports").toString()).contains("\"port\":" + env.get("SERVER_PORT"),
                        "\"port\":" + env.get("MANAGEMENT_SERVER_PORT"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesTheManagementPortOfEveryServiceAndTheGateway(String overlay) {
        List<JsonNode> manifests = render(overlay);
        JsonNode monitor = named(manifests, "ServiceMonitor", "party-building");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
        String port = monitor.path("spec").path("endpoints").get(0).path("port").asText();
        for (String module : Repository.IMAGE_MODULES) {
            JsonNode service = named(manifests, "Service", module);
            assertThat(selects(monitor.path("spec").path("selector"), service.path("metadata").path("labels")))
                    .as("the ServiceMonitor selects " + module).isTrue();
            assertThat(StreamSupport.stream(service.path("spec").path("ports").spliterator(), false))
                    .anyMatch(p -> p.path("name").asText().equals(port));
        }
    }

    /** Whether a label selector (matchLabels, matchExpressions with In) selects {@code labels}. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (labels == null || selector.isMissingNode()) {
            return false;
        }
        boolean[] match = {true};
        selector.path("matchLabels").fields().forEachRemaining(e -> {
            if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
                match[0] = false;
            }
        });
        selector.path("matchExpressions").forEach(expression -> {
            String value = labels.path(expression.path("key").asText()).asText(null);
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            if (!expression.path("operator").asText().equals("In") || value == null || !values.contains(value)) {
                match[0] = false;
            }
        });
        return match[0];
    }
}
