package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partybuilding.identifiers.CheckCharacters;

class CreditCodeTest {

    /** A valid social organization code: civil affairs, category of the type, Yuexiu's division code. */
    static String valid(OrganizationType type, int serial) {
        String organizationCode = String.format("MJ%06d", serial);
        String first17 = "5" + type.creditCodeCategory() + "440104" + organizationCode
                + CheckCharacters.organizationCode(organizationCode);
        return first17 + CheckCharacters.creditCode(first17);
    }

    @Test
    void acceptsAValidCodeOfTheRightCategory() {
        String code = valid(OrganizationType.PRIVATE_NON_ENTERPRISE, 1234);
        assertThat(CreditCode.problem(code, OrganizationType.PRIVATE_NON_ENTERPRISE)).isEmpty();
    }

    @Test
    void refusesWrongLengthCharactersAndCheckCharacters() {
        String code = valid(OrganizationType.SOCIAL_GROUP, 42);
        assertThat(CreditCode.problem(code.substring(1), OrganizationType.SOCIAL_GROUP)).hasValueSatisfying(p -> assertThat(p).contains("18"));
        assertThat(CreditCode.problem(code.substring(0, 17) + "I", OrganizationType.SOCIAL_GROUP)).hasValueSatisfying(p -> assertThat(p).contains("not allowed"));
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertThat(CreditCode.problem(code.substring(0, 17) + wrong, OrganizationType.SOCIAL_GROUP))
                .hasValueSatisfying(p -> assertThat(p).contains("check character"));
        assertThat(CreditCode.problem(null, OrganizationType.SOCIAL_GROUP)).isPresent();
    }

    @Test
    void refusesACodeWhoseCategoryIsAnotherType() {
        String foundation = valid(OrganizationType.FOUNDATION, 7);
        assertThat(CreditCode.problem(foundation, OrganizationType.SOCIAL_GROUP))
                .hasValueSatisfying(p -> assertThat(p).contains("SOCIAL_GROUP"));
    }

    @Test
    void refusesAnEnterpriseCode() {
        String first17 = "91440104MA59AAAA" + CheckCharacters.organizationCode("MA59AAAA");
        String enterprise = first17 + CheckCharacters.creditCode(first17);
        assertThat(CreditCode.problem(enterprise, null)).hasValueSatisfying(p -> assertThat(p).contains("civil affairs"));
    }
}
