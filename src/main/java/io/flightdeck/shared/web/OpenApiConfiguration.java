package io.flightdeck.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Flightdeck API", version = "v1",
                description = "Campaign operations. Authenticate with POST /api/v1/auth/token or a personal API key; "
                        + "errors are RFC 9457 problem documents (see docs/api.md)."),
        servers = @Server(url = "/", description = "This Flightdeck server"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT from /api/v1/auth/token, or a personal API key (fd_...)")
class OpenApiConfiguration {
}
