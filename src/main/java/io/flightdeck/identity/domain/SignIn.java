package io.flightdeck.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks an email and password, with failed attempts counted in the database per account and per client address
 * (so the limit holds across nodes). Past the limit, sign-in is refused until the oldest failure leaves the window.
 */
@Service
public class SignIn {

    private final UserAccountRepository users;
    private final SignInFailureRepository failures;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties.SignIn limits;
    private final Clock clock;
    /** Compared against when the email is unknown, so both paths cost one hash check. */
    /** Hashed on first use rather than at start-up: one BCrypt round is about 100 ms of a start's CPU. */
    private final Supplier<String> decoyHash;

    SignIn(UserAccountRepository users, SignInFailureRepository failures, PasswordEncoder passwordEncoder,
            IdentityProperties properties, Clock clock) {
        this.users = users;
        this.failures = failures;
        this.passwordEncoder = passwordEncoder;
        this.limits = properties.signIn();
        this.clock = clock;
        this.decoyHash = SingletonSupplier.of(() -> passwordEncoder.encode("decoy-password-for-unknown-accounts"));
    }

    @Transactional(noRollbackFor = SignInRefusedException.class, propagation = Propagation.REQUIRES_NEW)
    public AccountView authenticate(String rawEmail, String password, String clientAddress) {
        String email = IdentityRules.email(rawEmail);
        Instant now = clock.instant();
        refuseIfThrottled("account:" + email, limits.maxFailuresPerAccount(), now, "for this account");
        if (clientAddress != null) {
            refuseIfThrottled("address:" + clientAddress, limits.maxFailuresPerAddress(), now, "from your network address");
        }
        Optional<UserAccount> user = users.findByEmail(email);
        boolean matches = passwordEncoder.matches(password == null ? "" : password,
                user.map(UserAccount::getPasswordHash).orElseGet(decoyHash));
        if (user.isEmpty() || !matches) {
            failures.save(new SignInFailure("account:" + email, now));
            if (clientAddress != null) {
                failures.save(new SignInFailure("address:" + clientAddress, now));
            }
            throw SignInRefusedException.invalidCredentials();
        }
        failures.deleteBySubject("account:" + email);
        return user.get().view();
    }

    /** Removes failures that no longer count; run by a recurring job. */
    @Transactional
    public int forgetOldFailures() {
        return failures.deleteOlderThan(clock.instant().minus(limits.window()));
    }

    private void refuseIfThrottled(String subject, int limit, Instant now, String what) {
        Instant windowStart = now.minus(limits.window());
        if (failures.countBySubjectAndOccurredAtAfter(subject, windowStart) >= limit) {
            Instant oldest = failures.oldestSince(subject, windowStart);
            Duration retryAfter = Duration.between(now, oldest.plus(limits.window()));
            throw SignInRefusedException.throttled(what, retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
        }
    }
}
