package org.partybuilding.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/asyncapi.yaml is the event catalogue other teams read: it must list every event type the code publishes
 * (platform-events' {@link EventType}) on its topic, with a payload whose fields are exactly those of the record the
 * code sends, and nothing the code does not publish.
 */
class AsyncApiCatalogueTest {

    private final JsonNode catalogue = Yamls.tree(Repository.read("deploy/asyncapi.yaml"));

    @Test
    void everyEventTypeIsCataloguedOnItsTopicAndNothingElseIs() {
        Set<String> catalogued = new TreeSet<>();
        catalogue.get("channels").forEach(channel -> channel.get("messages").fieldNames().forEachRemaining(name -> {
            catalogued.add(name);
            EventType type = Arrays.stream(EventType.values()).filter(t -> t.simpleName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is catalogued but no EventType of platform-events"));
            assertThat(channel.get("address").asText()).as("topic of " + name).isEqualTo(type.topic());
        }));
        Set<String> published = Arrays.stream(EventType.values()).map(EventType::simpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued).isEqualTo(published);
    }

    @Test
    void everyPayloadHasExactlyTheFieldsOfTheRecordTheCodeSends() {
        for (EventType type : EventType.values()) {
            JsonNode message = catalogue.at("/components/messages/" + type.simpleName());
            assertThat(message.isMissingNode()).as("message " + type.simpleName()).isFalse();
            String ref = message.at("/payload/$ref").asText();
            assertThat(ref).isEqualTo("#/components/schemas/" + type.dataType().getSimpleName());
            JsonNode schema = catalogue.at(ref.substring(1));
            Set<String> documented = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> sent = Arrays.stream(type.dataType().getRecordComponents()).map(c -> c.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).as("fields of " + type.dataType().getSimpleName()).isEqualTo(sent);
            schema.get("required").forEach(required -> assertThat(sent).contains(required.asText()));
        }
    }

    @Test
    void everyTopicHasItsPublisher() {
        Set<String> published = new TreeSet<>();
        catalogue.get("operations").forEach(operation -> {
            if ("send".equals(operation.get("action").asText())) {
                published.add(operation.at("/channel/$ref").asText().replace("#/channels/", ""));
            }
        });
        Set<String> channels = new TreeSet<>();
        catalogue.get("channels").fieldNames().forEachRemaining(channels::add);
        assertThat(published).isEqualTo(channels);
    }
}
