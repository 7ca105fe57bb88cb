package org.partybuilding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void writesBinaryModeHeadersAndReadsThemBack() {
        var attributes = new CloudEventAttributes("e-1", EventType.ORGANIZATION_REGISTERED.ceType(),
                URI.create("/registry-service"), Instant.parse("2026-11-21T10:15:30Z"), "org-1");
        var headers = new RecordHeaders();

        CloudEventHeaders.write(attributes, headers);

        assertThat(value(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(value(headers, "ce_type")).isEqualTo("partybuilding.OrganizationRegistered");
        assertThat(value(headers, "ce_source")).isEqualTo("/registry-service");
        assertThat(value(headers, "ce_time")).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(value(headers, "ce_subject")).isEqualTo("org-1");
        assertThat(value(headers, "content-type")).isEqualTo("application/json");
        assertThat(CloudEventHeaders.read(headers)).isEqualTo(attributes);
    }

    @Test
    void refusesRecordsWithoutCloudEventHeaders() {
        var headers = new RecordHeaders();
        assertThatThrownBy(() -> CloudEventHeaders.read(headers)).isInstanceOf(EventFormatException.class);

        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "x".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "partybuilding.OrganizationRegistered".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/registry-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("Malformed");
    }

    @Test
    void eventTypesKnowTheirTopicAndCeType() {
        assertThat(EventType.fromCeType("partybuilding.DuesPaid")).contains(EventType.DUES_PAID);
        assertThat(EventType.DUES_PAID.topic()).isEqualTo("member.members.v1");
        assertThat(EventType.fromCeType("partybuilding.Nonsense")).isEmpty();
        assertThat(Topics.deadLetter(Topics.REGISTRY_ORGANIZATIONS)).isEqualTo("registry.organizations.v1.dlt");
    }

    private static String value(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
