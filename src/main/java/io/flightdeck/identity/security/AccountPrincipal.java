package io.flightdeck.identity.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.domain.AccountView;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as kept in the web session. Carries no role: roles are per workspace, so the request filter
 * looks the role up for the workspace the session is in. The password hash is only present while remember-me signs
 * its cookie and is erased before the session stores this object. Sessions live in the database, serialised.
 */
class AccountPrincipal implements UserDetails, CredentialsContainer {

    // Fixed, so a session written by one build is still read by the next while nodes are upgraded one by one
    // (the default would change with any edit to this class and sign everyone out).
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String email;
    private final String displayName;
    private String passwordHash;

    AccountPrincipal(AccountView account) {
        this.userId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
    }

    UUID userId() {
        return userId;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
