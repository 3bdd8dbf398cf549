package io.flightdeck.identity;

import java.time.ZoneId;
import java.util.UUID;

import io.flightdeck.shared.security.Role;

/** A member of the current workspace, as other modules see one; the zone is their profile's (their local time). */
public record MemberSummary(UUID userId, String displayName, String email, Role role, ZoneId timeZone) {
}
