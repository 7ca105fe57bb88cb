package org.partybuilding.platform.config;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.DataAccessProblemsAdvice;
import org.partybuilding.platform.problem.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Problem details for every controller, and the district's configured lists. */
@AutoConfiguration
@EnableConfigurationProperties(District.class)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.dao.DuplicateKeyException")
    DataAccessProblemsAdvice dataAccessProblemsAdvice() {
        return new DataAccessProblemsAdvice();
    }
}
