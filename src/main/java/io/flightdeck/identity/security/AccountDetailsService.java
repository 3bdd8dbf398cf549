package io.flightdeck.identity.security;

import io.flightdeck.identity.domain.Accounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for remember-me cookies (sign-in itself goes through {@link ThrottledSignInProvider}). */
@Component
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
    }
}
