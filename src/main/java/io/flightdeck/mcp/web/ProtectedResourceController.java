package io.flightdeck.mcp.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.links.PublicUrls;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 protected resource metadata (RFC 9728) for the MCP endpoint and the API: what the resource is and how a
 * token is sent. A 401 from either points here in its {@code WWW-Authenticate} header; an MCP client reads it to
 * learn that a personal API key or an access token goes in the Authorization header. Flightdeck issues its own
 * tokens ({@code POST /api/v1/auth/token}), so no outside authorization server is named.
 */
@Hidden
@RestController
class ProtectedResourceController {

    private final PublicUrls urls;

    ProtectedResourceController(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/.well-known/oauth-protected-resource/mcp")
    Map<String, Object> mcp() {
        return metadata(urls.of("/mcp"), "Flightdeck for AI assistants (MCP)");
    }

    @GetMapping("/.well-known/oauth-protected-resource")
    Map<String, Object> api() {
        return metadata(urls.of("/api/v1"), "Flightdeck API");
    }

    private Map<String, Object> metadata(String resource, String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", resource);
        metadata.put("resource_name", name);
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_documentation", urls.of("/swagger-ui.html"));
        return metadata;
    }
}
