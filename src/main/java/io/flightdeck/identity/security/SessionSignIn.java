package io.flightdeck.identity.security;

import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.domain.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a browser in right after sign-up or accepting an invitation, and switches its workspace. */
@Component
public class SessionSignIn {

    private final Accounts accounts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionSignIn(Accounts accounts) {
        this.accounts = accounts;
    }

    public void signIn(UUID userId, UUID workspaceId, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = new AccountPrincipal(accounts.get(userId));
        principal.eraseCredentials();
        // A fresh session id on sign-in, against session fixation.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        repository.saveContext(context, request, response);
        switchWorkspace(workspaceId, request);
    }

    public void switchWorkspace(UUID workspaceId, HttpServletRequest request) {
        request.getSession().setAttribute(ActorContextFilter.SESSION_WORKSPACE, workspaceId);
    }
}
