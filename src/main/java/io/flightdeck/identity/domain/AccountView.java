package io.flightdeck.identity.domain;

import java.util.UUID;

/** A user account as the rest of identity sees it. The hash is there for Spring Security's remember-me signature. */
public record AccountView(UUID id, String email, String displayName, String timeZone, String passwordHash) {
}
