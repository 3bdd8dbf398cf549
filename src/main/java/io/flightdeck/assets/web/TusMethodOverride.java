package io.flightdeck.assets.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * tus 1.0 has servers honour {@code X-HTTP-Method-Override} for clients that cannot send PATCH or DELETE: Java's
 * HttpURLConnection cannot, so the official tus-java-client appends with a POST that names PATCH. On the upload
 * endpoints only, such a POST is handed on as the method it names. It runs before the security filters, so the role
 * and CSRF checks see the request as what it is.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class TusMethodOverride extends OncePerRequestFilter {

    static final String HEADER = "X-HTTP-Method-Override";
    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !(path.startsWith("/api/v1/uploads/") || path.startsWith("/assets/uploads/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getHeader(HEADER).trim().toUpperCase(Locale.ROOT);
        if (!OVERRIDABLE.contains(method)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return method;
            }
        }, response);
    }
}
