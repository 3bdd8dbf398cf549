package io.flightdeck.email.tracking;

import java.time.Instant;

import io.flightdeck.shared.InvalidInputException;

/**
 * One open or click of one recipient on one message, as the tracking endpoint saw it: when, from which user agent and
 * IP address, and for a click which of the message's links ({@link #NO_LINK} for an open). A missing user agent or
 * address is kept as the empty string.
 */
public record EngagementEvent(EngagementKind kind, Instant at, String userAgent, String ipAddress, int linkIndex) {

    public static final int NO_LINK = -1;

    public EngagementEvent {
        if (kind == null || at == null) {
            throw new InvalidInputException(kind == null ? "kind" : "at", "An open or click needs its kind and time");
        }
        if (kind == EngagementKind.CLICK && linkIndex < 0) {
            throw new InvalidInputException("linkIndex", "A click needs the index of the link followed (0 or more)");
        }
        if (kind == EngagementKind.OPEN && linkIndex != NO_LINK) {
            throw new InvalidInputException("linkIndex", "An open has no link; its link index must be " + NO_LINK);
        }
        userAgent = userAgent == null ? "" : userAgent.strip();
        ipAddress = ipAddress == null ? "" : ipAddress.strip();
    }

    public static EngagementEvent open(Instant at, String userAgent, String ipAddress) {
        return new EngagementEvent(EngagementKind.OPEN, at, userAgent, ipAddress, NO_LINK);
    }

    public static EngagementEvent click(Instant at, int linkIndex, String userAgent, String ipAddress) {
        return new EngagementEvent(EngagementKind.CLICK, at, userAgent, ipAddress, linkIndex);
    }
}
