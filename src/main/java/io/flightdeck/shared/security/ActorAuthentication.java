package io.flightdeck.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The authentication every request runs with once its workspace is known: principal is the {@link Actor}. */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(actor.role().authorities());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.email();
    }
}
