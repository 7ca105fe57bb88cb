package org.partybuilding.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCharactersTest {

    @Test
    void creditCodeAndItsOrganizationCodeAsPublishedExamplesHaveThem() {
        // 91350100M000100Y43 is the worked example of GB 32100-2015 (an enterprise, check character 3).
        assertThat(CheckCharacters.creditCode("91350100M000100Y4")).isEqualTo('3');
        assertThat(CheckCharacters.organizationCode("M000100Y")).isEqualTo('4');
    }

    @Test
    void residentIdCheckCharacterIncludingX() {
        assertThat(CheckCharacters.residentId("11010519491231002")).isEqualTo('X');
        assertThat(CheckCharacters.residentId("44010419900307001")).isEqualTo(expectedResidentCheck("44010419900307001"));
    }

    /** ISO 7064 MOD 11-2 written out the long way: sum of digit × 2^(17-i) mod 11, check = (12 - sum) mod 11. */
    private static char expectedResidentCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
