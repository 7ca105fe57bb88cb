package org.partybuilding.platform.config;

import org.partybuilding.platform.security.DataScope;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service's OpenAPI document: the caller's {@link DataScope} comes from the token, not from
 * the request, so it is no parameter; every operation needs a bearer token from the realm.
 */
@AutoConfiguration
@ConditionalOnClass({SpringDocUtils.class, OpenAPI.class})
public class PlatformOpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(DataScope.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the party-building realm")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
