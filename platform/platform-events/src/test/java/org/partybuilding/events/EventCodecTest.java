package org.partybuilding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final OrganizationSnapshot organization = new OrganizationSnapshot("org-1", 3, "越秀区社工服务中心",
            "91440104MA59XXXX0X", "PRIVATE_NON_ENTERPRISE", "DISTRICT", LocalDate.of(2020, 5, 1), "区民政局",
            "SOCIAL_SERVICE", "JIANSHE", "建设六马路1号", new OrganizationSnapshot.LegalRepresentative("张三", true),
            20, 12, "NORMAL", "ACTIVE", null, null);

    @Test
    void organizationDataIsCamelCaseJsonWithIsoDatesAndRoundTrips() {
        String json = new String(EventCodec.encode(organization), StandardCharsets.UTF_8);

        assertThat(json).contains("\"id\":\"org-1\"", "\"version\":3", "\"registeredOn\":\"2020-05-01\"",
                "\"legalRepresentative\":{\"name\":\"张三\",\"partyMember\":true}", "\"fullTimeStaff\":12");
        assertThat(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), OrganizationSnapshot.class))
                .isEqualTo(organization);
    }

    @Test
    void readerToleratesFieldsAddedByNewerProducers() {
        String json = new String(EventCodec.encode(organization), StandardCharsets.UTF_8)
                .replace("\"version\":3", "\"version\":4,\"someFutureField\":42");
        var decoded = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), OrganizationSnapshot.class);
        assertThat(decoded.version()).isEqualTo(4);
        assertThat(decoded.active()).isTrue();
    }

    @Test
    void garbageIsAnEventFormatException() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(StandardCharsets.UTF_8), OrganizationSnapshot.class))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventCodec.decode(null, OrganizationSnapshot.class))
                .isInstanceOf(EventFormatException.class);
    }
}
