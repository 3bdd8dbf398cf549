package io.flightdeck.identity.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request a fresh nonce, as the request attribute {@value #ATTRIBUTE}: a template marks its own
 * {@code <script>} and {@code <style>} elements with it ({@code th:attr="nonce=${cspNonce}"}) and
 * {@link PagePolicy} names it in the Content-Security-Policy. It runs before Spring Security's header writer, so the
 * header and the page always agree. 128 random bits, as CSP asks, that an attacker cannot guess for the next page.
 */
class CspNonceFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = "cspNonce";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        request.setAttribute(ATTRIBUTE, Base64.getEncoder().encodeToString(bytes));
        chain.doFilter(request, response);
    }
}
