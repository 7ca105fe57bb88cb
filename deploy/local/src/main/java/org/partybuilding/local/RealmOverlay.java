package org.partybuilding.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local realm is the production realm plus a local overlay (demo users, the {@code platform-cli}
 * client): objects merge key by key, arrays are appended to, anything else in the overlay wins.
 */
final class RealmOverlay {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmOverlay() {
    }

    /** Reads {@code base} and {@code overlay}, merges, and writes the result to {@code target}. */
    static void write(Path base, Path overlay, Path target) {
        try {
            JsonNode merged = merge(JSON.readTree(base.toFile()), JSON.readTree(overlay.toFile()));
            Files.createDirectories(target.getParent());
            JSON.writeValue(target.toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge " + overlay + " into " + base + ": " + e.getMessage(), e);
        }
    }

    /** Returns a new tree: {@code base} with {@code overlay} merged in; neither argument changes. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode result = baseObject.deepCopy();
            overlayObject.fields().forEachRemaining(field -> {
                JsonNode existing = result.get(field.getKey());
                result.set(field.getKey(), existing == null ? field.getValue().deepCopy() : merge(existing, field.getValue()));
            });
            return result;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray) {
            ArrayNode result = baseArray.deepCopy();
            overlayArray.forEach(element -> result.add(element.deepCopy()));
            return result;
        }
        return overlay.deepCopy();
    }
}
