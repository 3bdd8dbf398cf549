package io.flightdeck.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.identity.MemberJoined;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.tenancy.WorkspaceTokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to join the current workspace. The token carries the workspace id in the clear (so acceptance, which
 * has no signed-in user, knows which tenant to open) and 32 random bytes; only its SHA-256 is stored.
 */
@Service
public class Invitations {

    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final UserAccountRepository users;
    private final WorkspaceRepository workspaces;
    private final SignIn signIn;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final Clock clock;

    Invitations(InvitationRepository invitations, MembershipRepository memberships, UserAccountRepository users,
            WorkspaceRepository workspaces, SignIn signIn, PasswordEncoder passwordEncoder, TransactionTemplate transactions,
            ApplicationEventPublisher events, IdentityProperties properties, Clock clock) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.users = users;
        this.workspaces = workspaces;
        this.signIn = signIn;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new invitation and its token, which is shown this once. */
    public record Issued(InvitationView invitation, String token) {
    }

    @Transactional
    public Issued invite(String rawEmail, Role role) {
        Actor actor = CurrentActor.require();
        String email = IdentityRules.email(rawEmail);
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can invite another owner");
        }
        if (memberships.existsByUserEmail(email)) {
            throw new ConflictException("already-member", email + " is already a member of this workspace");
        }
        Instant now = clock.instant();
        // A new invitation replaces any pending one for the same address, so only the newest link works.
        invitations.findPendingFor(email, now).forEach(old -> old.revoke(now));
        String token = WorkspaceTokens.issue(actor.workspaceId());
        Invitation invitation = invitations.save(new Invitation(email, role, Hashing.sha256Hex(token), actor.userId(), now,
                now.plus(properties.invitationTtl())));
        return new Issued(invitation.view(now), token);
    }

    @Transactional(readOnly = true)
    public Page<InvitationView> pending(Pageable pageable) {
        Instant now = clock.instant();
        return invitations.findPending(now, pageable).map(i -> i.view(now));
    }

    @Transactional(readOnly = true)
    public InvitationView get(UUID invitationId) {
        return invitations.findById(invitationId).map(i -> i.view(clock.instant()))
                .orElseThrow(() -> new NotFoundException("The invitation"));
    }

    @Transactional
    public void revoke(UUID invitationId) {
        Invitation invitation = invitations.findById(invitationId).orElseThrow(() -> new NotFoundException("The invitation"));
        Instant now = clock.instant();
        if (invitation.status(now) != InvitationStatus.PENDING) {
            throw new ConflictException("invitation-not-pending", "Only a pending invitation can be revoked");
        }
        invitation.revoke(now);
    }

    /** What an invitation link offers, before anyone signs in. */
    public record Preview(String workspaceName, String email, Role role, InvitationStatus status, boolean accountExists) {
    }

    public Optional<Preview> preview(String token) {
        return WorkspaceTokens.workspaceOf(token).flatMap(workspaceId -> TenantScope.call(workspaceId, () -> transactions.execute(status ->
                invitations.findByTokenHash(Hashing.sha256Hex(token)).map(invitation -> new Preview(
                        workspaces.findById(workspaceId).map(Workspace::getName).orElse("a workspace"),
                        invitation.getEmail(), invitation.getRole(), invitation.status(clock.instant()),
                        users.existsByEmail(invitation.getEmail()))))));
    }

    public record Accepted(UUID userId, UUID workspaceId) {
    }

    /**
     * Joins the workspace. An existing account proves itself with its password; a new one is created with the given
     * name and password. Works once and only before the invitation expires.
     */
    public Accepted accept(String token, String displayName, String password, String clientAddress) {
        UUID workspaceId = WorkspaceTokens.workspaceOf(token).orElseThrow(() -> new NotFoundException("The invitation"));
        Optional<UserAccount> existing = preview(token).filter(Preview::accountExists)
                .flatMap(p -> users.findByEmail(p.email()));
        if (existing.isPresent()) {
            signIn.authenticate(existing.get().getEmail(), password, clientAddress);
        } else {
            if (displayName == null || displayName.isBlank()) {
                throw new InvalidInputException("displayName", "must not be blank");
            }
            IdentityRules.password("password", password);
        }
        return TenantScope.call(workspaceId, () -> transactions.execute(status -> {
            Instant now = clock.instant();
            Invitation invitation = invitations.findByTokenHash(Hashing.sha256Hex(token))
                    .orElseThrow(() -> new NotFoundException("The invitation"));
            switch (invitation.status(now)) {
                case ACCEPTED -> throw new ConflictException("invitation-used", "This invitation has already been used");
                case REVOKED -> throw new ConflictException("invitation-revoked", "This invitation was withdrawn");
                case EXPIRED -> throw new ConflictException("invitation-expired",
                        "This invitation has expired; ask for a new one");
                case PENDING -> { }
            }
            UserAccount user = users.findByEmail(invitation.getEmail()).orElseGet(() -> users.save(new UserAccount(
                    invitation.getEmail(), displayName.trim(), passwordEncoder.encode(password), "UTC", now)));
            if (memberships.findByUserId(user.getId()).isPresent()) {
                throw new ConflictException("already-member", "You are already a member of this workspace");
            }
            invitation.accept(now);
            memberships.save(new Membership(user, invitation.getRole(), now));
            user.rememberWorkspace(workspaceId);
            events.publishEvent(new MemberJoined(workspaceId, user.getId(), invitation.getRole()));
            return new Accepted(user.getId(), workspaceId);
        }));
    }
}
