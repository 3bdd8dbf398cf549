package io.flightdeck.identity.security;

import java.time.Clock;
import java.time.Instant;

import io.flightdeck.identity.domain.IdentityProperties;
import io.flightdeck.shared.security.Actor;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the short-lived JWTs that {@code POST /api/v1/auth/token} hands out. */
@Component
public class AccessTokens {

    static final String ISSUER = "flightdeck";
    static final String WORKSPACE_CLAIM = "ws";

    private final JwtEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt, long expiresIn) {
    }

    public Issued issue(Actor actor) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.jwtTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(actor.userId().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(WORKSPACE_CLAIM, actor.workspaceId().toString())
                .claim("role", actor.role().name())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new Issued(token, expiresAt, properties.jwtTtl().toSeconds());
    }
}
