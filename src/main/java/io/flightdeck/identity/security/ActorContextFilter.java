package io.flightdeck.identity.security;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.identity.domain.WorkspaceChoice;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.ActorAuthentication;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.RequestLoggingFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns whoever signed in into the {@link Actor} of one workspace and opens that workspace's {@link TenantScope} for
 * the rest of the request. A browser session keeps only the account and the chosen workspace id; the role is read
 * from the membership on each request. The resulting authentication lives for this request only and is never saved
 * into the session.
 */
class ActorContextFilter extends OncePerRequestFilter {

    static final String SESSION_WORKSPACE = "flightdeck.workspaceId";

    private final Workspaces workspaces;

    ActorContextFilter(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext original = SecurityContextHolder.getContext();
        Optional<Actor> actor = resolve(original.getAuthentication(), request);
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!(original.getAuthentication() instanceof ActorAuthentication)) {
            SecurityContextHolder.setContext(new SecurityContextImpl(new ActorAuthentication(actor.get())));
        }
        TenantScope.enter(actor.get().workspaceId());
        MDC.put(RequestLoggingFilter.MDC_WORKSPACE, actor.get().workspaceId().toString());
        MDC.put(RequestLoggingFilter.MDC_USER, actor.get().userId().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantScope.leave();
            SecurityContextHolder.setContext(original);
        }
    }

    private Optional<Actor> resolve(Authentication authentication, HttpServletRequest request) {
        if (authentication instanceof ActorAuthentication actorAuthentication) {
            return Optional.of(actorAuthentication.getPrincipal());
        }
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal account)) {
            return Optional.empty();
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(SESSION_WORKSPACE) instanceof UUID workspaceId) {
            Optional<Actor> actor = workspaces.actorFor(account.userId(), workspaceId);
            if (actor.isPresent()) {
                return actor;
            }
        }
        // First request of a session, or removed from the workspace it was in: land in another one.
        Optional<WorkspaceChoice> landing = workspaces.landingFor(account.userId());
        landing.ifPresentOrElse(choice -> session.setAttribute(SESSION_WORKSPACE, choice.workspaceId()),
                () -> session.removeAttribute(SESSION_WORKSPACE));
        return landing.flatMap(choice -> workspaces.actorFor(account.userId(), choice.workspaceId()));
    }
}
