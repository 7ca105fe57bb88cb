package org.partybuilding.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealedValuesRoundTripAndDoNotRevealTheValueOrItsEquality() {
        PersonalDataCipher cipher = PersonalDataCipher.fromBase64(KEY);
        String first = cipher.encrypt("44010419900307002X");
        String second = cipher.encrypt("44010419900307002X");
        assertThat(first).startsWith("v1:").doesNotContain("440104").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("44010419900307002X");
        assertThat(cipher.decrypt(second)).isEqualTo("44010419900307002X");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void theLookupHashIsStablePerKeyAndUselessWithoutIt() {
        PersonalDataCipher cipher = PersonalDataCipher.fromBase64(KEY);
        PersonalDataCipher other = PersonalDataCipher.fromBase64(OTHER_KEY);
        assertThat(cipher.lookupHash("13800138000")).isEqualTo(cipher.lookupHash("13800138000")).hasSize(64)
                .isNotEqualTo(other.lookupHash("13800138000"));
    }

    @Test
    void aWrongKeyOrATamperedValueFailsWithoutShowingTheValue() {
        String sealed = PersonalDataCipher.fromBase64(KEY).encrypt("13800138000");
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64(OTHER_KEY).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class).message().doesNotContain("13800138000");
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksKeepTheEndsAsApiMdShows() {
        assertThat(Masks.idNumber("44010419900307123X")).isEqualTo("4401**********123X");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("123")).isEqualTo("***");
        assertThat(Masks.idNumber(null)).isNull();
    }
}
