package io.flightdeck.identity.security;

import java.util.UUID;

import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.security.ActorAuthentication;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Authenticates a Bearer credential: a personal API key ({@code fd_...}) or a JWT from the token endpoint. Either way
 * the role comes from the current membership, so a removed member or a changed role takes effect at once.
 */
class BearerAuthenticationManager implements AuthenticationManager {

    private final ApiKeys apiKeys;
    private final Workspaces workspaces;
    private final JwtAuthenticationProvider jwtProvider;

    BearerAuthenticationManager(ApiKeys apiKeys, Workspaces workspaces, JwtDecoder jwtDecoder) {
        this.apiKeys = apiKeys;
        this.workspaces = workspaces;
        this.jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
        this.jwtProvider.setJwtAuthenticationConverter(this::actorOf);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (ApiKeys.looksLikeApiKey(token)) {
            ApiKeys.Verdict verdict = apiKeys.authenticate(token);
            if (verdict.actor() == null) {
                throw new InvalidBearerTokenException(verdict.refusal().message());
            }
            return new ActorAuthentication(verdict.actor());
        }
        return jwtProvider.authenticate(authentication);
    }

    private ActorAuthentication actorOf(Jwt jwt) {
        UUID userId;
        UUID workspaceId;
        try {
            userId = UUID.fromString(jwt.getSubject());
            workspaceId = UUID.fromString(jwt.getClaimAsString(AccessTokens.WORKSPACE_CLAIM));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The access token is not valid");
        }
        return workspaces.actorFor(userId, workspaceId).map(ActorAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("You are no longer a member of this workspace"));
    }
}
