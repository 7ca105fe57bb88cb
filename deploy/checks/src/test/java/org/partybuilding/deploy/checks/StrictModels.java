package org.partybuilding.deploy.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * Schema checks of Kubernetes manifests that run offline. Core kinds, the ServiceMonitor and Strimzi's
 * resources are read into their Java models (fabric8 kubernetes-model, Strimzi api): a wrong type fails,
 * and an unknown field — which the models would keep aside in {@code additionalProperties} — is reported.
 * MongoDBCommunity and the Keycloak operator's resources are validated against the JSON schemas in
 * src/test/resources/schemas, objects closed to unknown fields as {@code kubectl apply --validate=strict} does.
 */
final class StrictModels {

    private static final ObjectMapper STRICT = Yamls.JSON.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private static final Map<String, JsonSchema> SCHEMAS = Map.of(
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", closed(load("/schemas/mongodbcommunity-v1.yaml")),
            "k8s.keycloak.org/v2alpha1/Keycloak", keycloak("Keycloak"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", keycloak("KeycloakRealmImport"));

    private StrictModels() {
    }

    /** What is wrong with {@code manifest}; empty when it fits its kind's model or schema. */
    static List<String> problems(JsonNode manifest) {
        String kind = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        String where = kind + " " + manifest.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(kind);
        JsonSchema schema = SCHEMAS.get(kind);
        if (model != null) {
            try {
                Object resource = STRICT.treeToValue(manifest, model);
                walk(resource, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        } else if (schema != null) {
            schema.validate(manifest).forEach(message -> problems.add(where + ": " + message.getMessage()));
        } else {
            problems.add(where + ": no schema known for this kind; add its model or schema to deploy/checks");
        }
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !(name.startsWith("get") || name.startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed getter, not a field of the manifest
            }
            if (name.equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                walk(property, path + "." + name.replaceFirst("^(get|is)", ""), problems, seen);
            }
        }
    }

    private static JsonNode load(String resource) {
        try (InputStream in = StrictModels.class.getResourceAsStream(resource)) {
            return Yamls.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema keycloak(String kind) {
        JsonNode all = load("/schemas/keycloak-v2alpha1.yaml");
        ObjectNode schema = all.path(kind).deepCopy();
        schema.set("definitions", all.path("definitions"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    }

    /** A CRD's structural schema with every object that lists its properties closed to others. */
    private static JsonSchema closed(JsonNode crdSchema) {
        ObjectNode schema = crdSchema.deepCopy();
        close(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
            object.elements().forEachRemaining(StrictModels::close);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(StrictModels::close);
        }
    }
}
