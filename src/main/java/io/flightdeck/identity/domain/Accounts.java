package io.flightdeck.identity.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own account: profile and password. */
@Service
public class Accounts {

    private final UserAccountRepository users;
    private final MemberActors memberActors;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(UserAccountRepository users, MemberActors memberActors, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.memberActors = memberActors;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> byEmail(String email) {
        return users.findByEmail(IdentityRules.email(email)).map(UserAccount::view);
    }

    @Transactional(readOnly = true)
    public AccountView get(UUID userId) {
        return users.findById(userId).map(UserAccount::view).orElseThrow(() -> new NotFoundException("The account"));
    }

    @Transactional
    public AccountView updateProfile(UUID userId, String displayName, String timeZone) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("The account"));
        user.rename(displayName.trim(), IdentityRules.timeZone("timeZone", timeZone));
        memberActors.forget(userId);
        return user.view();
    }

    @Transactional
    public AccountView changePassword(UUID userId, String currentPassword, String newPassword) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("The account"));
        if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        IdentityRules.password("newPassword", newPassword);
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        return user.view();
    }
}
