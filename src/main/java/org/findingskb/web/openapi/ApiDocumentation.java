package org.findingskb.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} is the API's contract, the one clients are generated from: its
 * title, description and version come from the build ({@code META-INF/build-info.properties}), its cross-cutting
 * rules from {@link ContractRules}, the shape of its records from {@link RecordSchemas}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI apiInfo(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String title = properties == null || properties.getName() == null ? "findings-kb" : properties.getName();
        String version = properties == null ? "development" : properties.getVersion();
        String description = properties == null ? null : properties.get("description");
        return new OpenAPI().info(new Info().title(title).version(version)
                .description(description == null ? null : description + ". Reads are open; writes need an API key"
                        + " (Authorization: Bearer <key>, or X-API-Key). Errors are RFC 9457 problem details."));
    }

    @Bean
    ContractRules contractRules() {
        return new ContractRules(OperationNames.load());
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }
}
