package org.partybuilding.branch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.OrganizationSnapshot;

class OrganizationViewTest {

    static OrganizationSnapshot snapshot(String id, long version, String name, String street, String status) {
        return new OrganizationSnapshot(id, version, name, "51440104MJK0000001", "SOCIAL_GROUP", "DISTRICT",
                LocalDate.of(2023, 5, 4), null, "CULTURE", street, "越秀区建设六马路1号",
                new OrganizationSnapshot.LegalRepresentative("张伟", true), 12, 6, "NORMAL", status, null, null);
    }

    @Test
    void keepsWhatCoverageNeeds() {
        OrganizationView view = OrganizationView.of(snapshot("o1", 3, "越秀区书法家协会", "JIANSHE", "ACTIVE"));
        assertThat(view).isEqualTo(new OrganizationView("o1", 3, "越秀区书法家协会", "SOCIAL_GROUP", "JIANSHE", "CULTURE", null,
                "ACTIVE", 12, 6, LocalDate.of(2023, 5, 4)));
        assertThat(view.active()).isTrue();
        assertThat(OrganizationView.of(snapshot("o1", 4, "越秀区书法家协会", "JIANSHE", "DEREGISTERED")).active()).isFalse();
    }

    @Test
    void dataWithoutIdVersionNameStreetOrStatusIsNotAnEvent() {
        assertThatThrownBy(() -> OrganizationView.of(snapshot(null, 0, " ", null, null)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContainingAll("id", "version", "name", "street", "status");
    }
}
