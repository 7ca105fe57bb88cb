package org.partybuilding.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** YAML read with SnakeYAML (anchors and merge keys resolved, as Compose does), handed on as Jackson trees. */
final class Yamls {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yamls() {
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(20 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String text) {
        return (Map<String, Object>) yaml().load(text);
    }

    static JsonNode tree(String text) {
        return JSON.valueToTree(yaml().load(text));
    }

    static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }
}
