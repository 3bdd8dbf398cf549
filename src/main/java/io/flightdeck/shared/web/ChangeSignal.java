package io.flightdeck.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the page that something changed after any htmx action that writes, so every live card and badge on it
 * reloads itself: the response carries {@code HX-Trigger: fd:changed}, and an element that shows state listens with
 * {@code hx-trigger="load, fd:changed from:body"}. One rule in one place, so no action has to know which cards a page
 * shows. Scripts that write with {@code fetch} dispatch the same event on {@code document.body}.
 */
@Component
class ChangeSignal extends OncePerRequestFilter {

    static final String EVENT = "fd:changed";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"true".equals(request.getHeader("HX-Request")) || request.getRequestURI().startsWith("/api/")
                || isRead(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Set before the handler runs: a body written by the handler commits the response and its headers.
        // A handler that adds its own trigger appends to this one (Htmx.trigger).
        response.setHeader("HX-Trigger", EVENT);
        chain.doFilter(request, response);
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
