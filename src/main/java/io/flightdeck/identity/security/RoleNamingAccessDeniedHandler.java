package io.flightdeck.identity.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * The web UI's 403: notes the role the refused action asked for ({@code @PreAuthorize("hasRole('MANAGER')")}) as the
 * request attribute {@code requiredRole} and the {@link RefusalExplainer}'s sentence as {@code whoCanSentence}, so the
 * error page can say who may do it, then answers as Spring Security does (the error page).
 */
final class RoleNamingAccessDeniedHandler implements AccessDeniedHandler {

    static final String ATTRIBUTE = "requiredRole";
    /** The sentence saying who can, worked out here: on the error page the workspace is no longer in scope. */
    static final String WHO_CAN = "whoCanSentence";
    private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\('([A-Z]+)'\\)");

    private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();
    private final ObjectProvider<RefusalExplainer> explainer;

    RoleNamingAccessDeniedHandler(ObjectProvider<RefusalExplainer> explainer) {
        this.explainer = explainer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
            Matcher role = HAS_ROLE.matcher(decision.getExpression().getExpressionString());
            if (role.find()) {
                request.setAttribute(ATTRIBUTE, role.group(1));
            }
        }
        RefusalExplainer words = explainer.getIfAvailable();
        if (words != null) {
            request.setAttribute(WHO_CAN, words.explain((String) request.getAttribute(ATTRIBUTE), request.getRequestURI()));
        }
        delegate.handle(request, response, denied);
    }
}
