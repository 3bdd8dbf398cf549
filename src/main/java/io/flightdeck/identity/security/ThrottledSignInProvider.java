package io.flightdeck.identity.security;

import java.util.List;

import io.flightdeck.identity.domain.SignIn;
import io.flightdeck.identity.domain.SignInRefusedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Form sign-in through {@link SignIn}, so the web form and the token endpoint share one throttle. */
@Component
class ThrottledSignInProvider implements AuthenticationProvider {

    private final SignIn signIn;

    ThrottledSignInProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        try {
            AccountPrincipal principal = new AccountPrincipal(signIn.authenticate(authentication.getName(),
                    String.valueOf(authentication.getCredentials()), address));
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
        } catch (SignInRefusedException e) {
            throw e.isThrottled() ? new LockedException(e.getMessage()) : new BadCredentialsException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
