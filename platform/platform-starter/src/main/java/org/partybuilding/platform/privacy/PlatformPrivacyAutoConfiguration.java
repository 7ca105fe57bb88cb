package org.partybuilding.platform.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A {@link PersonalDataCipher} for services that hold personal data, from {@code platform.privacy.key}
 * (environment {@code PLATFORM_PRIVACY_KEY}). No default: a service that needs it does not start without it.
 */
@AutoConfiguration
@ConditionalOnProperty("platform.privacy.key")
public class PlatformPrivacyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(@Value("${platform.privacy.key}") String key) {
        return PersonalDataCipher.fromBase64(key);
    }
}
