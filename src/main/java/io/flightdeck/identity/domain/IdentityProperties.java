package io.flightdeck.identity.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flightdeck.security.*}: token lifetimes, sign-in throttling, and the BCrypt cost of password hashes
 * ({@code password-hash-cost}, 2^cost rounds; a stored hash keeps the cost it was made with).
 */
@ConfigurationProperties("flightdeck.security")
public record IdentityProperties(Duration jwtTtl, Duration invitationTtl, Duration rememberMeTtl, SignIn signIn,
        int passwordHashCost) {

    public record SignIn(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
    }
}
