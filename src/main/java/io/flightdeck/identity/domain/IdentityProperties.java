package io.flightdeck.identity.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flightdeck.security.*}: token lifetimes and sign-in throttling. */
@ConfigurationProperties("flightdeck.security")
public record IdentityProperties(Duration jwtTtl, Duration invitationTtl, Duration rememberMeTtl, SignIn signIn) {

    public record SignIn(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
    }
}
