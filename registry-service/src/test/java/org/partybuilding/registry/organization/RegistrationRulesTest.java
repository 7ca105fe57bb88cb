package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;

class RegistrationRulesTest {

    private final District district = new District("440104", "越秀区", Map.of("JIANSHE", "建设"), List.of("EDUCATION"));
    private final LocalDate today = LocalDate.of(2026, 11, 21);

    static RegisterOrganization registration(String creditCode, String street, String industry, int employees, int fullTime,
            LocalDate registeredOn) {
        return new RegisterOrganization("越秀区青少年教育促进会", creditCode, OrganizationType.SOCIAL_GROUP,
                RegistrationLevel.DISTRICT, registeredOn, "区教育局", industry, street, "建设六马路1号",
                new RegisterOrganization.LegalRepresentativeInput("李明", true), employees, fullTime, OperatingStatus.NORMAL);
    }

    @Test
    void aValidRegistrationPasses() {
        var ok = registration(CreditCodeTest.valid(OrganizationType.SOCIAL_GROUP, 1), "JIANSHE", "EDUCATION", 10, 10, today);
        assertThat(RegistrationRules.check(ok, district, today)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        var bad = registration("123", "NOWHERE", "MINING", 3, 5, today.plusDays(1));
        assertThat(RegistrationRules.check(bad, district, today)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("creditCode", "fullTimeStaff", "street", "industry", "registeredOn");
    }
}
