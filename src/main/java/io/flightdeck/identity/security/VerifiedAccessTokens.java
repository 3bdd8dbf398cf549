package io.flightdeck.identity.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes an access token once per node and minute instead of on every request: a client sends the same token for
 * its whole life, and checking its signature, parsing its JSON and converting its claims cost a JWT request a fifth
 * more than an API key request (docs/benchmarks.md). What is kept is only what the signature proved; the validators
 * (expiry, issuer) still run on every request, so an expired token is refused the moment it expires. A token that
 * fails to decode is never kept.
 */
final class VerifiedAccessTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    /** @param decoder checks the signature only; {@code validator} is applied to every answer, kept or fresh */
    VerifiedAccessTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token, decoder::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
