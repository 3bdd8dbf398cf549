package io.flightdeck.identity.security;

import java.io.IOException;

import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as problem documents, with the Bearer challenge RFC 6750 asks for. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    private final PublicUrls urls;

    ProblemSecurityHandlers(ProblemResponses problems, PublicUrls urls) {
        this.problems = problems;
        this.urls = urls;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof InvalidBearerTokenException) {
            String detail = describe(exception);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized", detail);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + metadata(request) + "\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                "Send a Bearer token from POST /api/v1/auth/token or a personal API key");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role in this workspace does not allow this action");
    }

    /**
     * Where a client finds how to sign in to what it asked for (RFC 9728's protected resource metadata; MCP clients
     * follow it): the MCP endpoint's own document, or the API's.
     */
    private String metadata(HttpServletRequest request) {
        String path = request.getRequestURI().startsWith(request.getContextPath() + "/mcp") ? "/mcp" : "";
        return urls.of("/.well-known/oauth-protected-resource" + path);
    }

    private static String describe(AuthenticationException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        if (message.contains("expired")) {
            return message.contains("API key") ? message : "The access token has expired; request a new one";
        }
        if (message.startsWith("An error occurred") || message.startsWith("Failed to") || message.isBlank()) {
            return "The access token is not valid";
        }
        return message.replace("\"", "'");
    }
}
