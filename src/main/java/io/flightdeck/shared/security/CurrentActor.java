package io.flightdeck.shared.security;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
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

    /** The actor's time zone, UTC outside a request (jobs, listeners): what today and dates mean to them. */
    public static ZoneId zone() {
        return find().map(Actor::timeZone).orElse(ZoneOffset.UTC);
    }

    public static Actor require() {
        return find().orElseThrow(() -> new AccessDeniedException("No signed-in member"));
    }

    /** Runs work as the given actor (demo data, jobs acting for someone), then restores whoever was there before. */
    public static <T> T runAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
