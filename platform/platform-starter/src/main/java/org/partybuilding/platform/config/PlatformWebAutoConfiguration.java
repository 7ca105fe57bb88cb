package org.partybuilding.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.district.FiscalYears;
import org.partybuilding.platform.problem.DataAccessProblemsAdvice;
import org.partybuilding.platform.problem.ProblemDetailsAdvice;
import org.partybuilding.platform.web.KnownQueryParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Problem details for every controller, unknown query parameters refused, the district's configured lists and fiscal
 * calendar, and the district's clock.
 */
@AutoConfiguration
@EnableConfigurationProperties({District.class, FiscalYears.class})
public class PlatformWebAutoConfiguration {

    /**
     * "Today" is the district's date, not the server's ({@code platform.time-zone}, default Asia/Shanghai):
     * rules count days and terms in it. Instants in milliseconds, as MongoDB stores them, so a response
     * shows the same time as every later read.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock districtClock(@Value("${platform.time-zone:Asia/Shanghai}") String zone) {
        return Clock.tick(Clock.system(ZoneId.of(zone)), Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    KnownQueryParameters knownQueryParameters() {
        return new KnownQueryParameters();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.dao.DuplicateKeyException")
    DataAccessProblemsAdvice dataAccessProblemsAdvice() {
        return new DataAccessProblemsAdvice();
    }
}
