package io.flightdeck.shared.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Actor} of the current request. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication actorAuthentication
                ? Optional.of(actorAuthentication.getPrincipal())
                : Optional.empty();
    }

    public static Actor require() {
        return find().orElseThrow(() -> new AccessDeniedException("No signed-in member"));
    }
}
