package io.flightdeck.shared.ratelimit;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The classes of API endpoint a caller's pace is counted by: reading, writing, exports (heavy: a whole list at
 * once), the MCP endpoint (an assistant in a loop), and sign-in (the token, sign-up and invitation endpoints,
 * counted per client address since nobody is signed in yet).
 */
public enum EndpointClass {
    READS("Reads"), WRITES("Changes"), EXPORTS("Exports"), MCP("AI assistant calls"), SIGN_IN("Sign-ins");

    private final String label;

    EndpointClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Its name in the {@code RateLimit} headers: {@code reads}, {@code sign-in}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The class of an API request; null for what is not counted (health checks, the API document). */
    public static EndpointClass of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/mcp")) {
            return MCP;
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (path.startsWith("/api/v1/auth/")) {
            return SIGN_IN;
        }
        if (path.endsWith("/export") || path.contains("/export/") || path.contains("/exports")) {
            return EXPORTS;
        }
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? READS : WRITES;
    }
}
