package io.flightdeck.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.ScopeChange;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.identity.security.AccessTokens;
import io.flightdeck.planning.PlanningPreferences;
import io.flightdeck.planning.PlanningSettingsChange;
import io.flightdeck.planning.PlanningSettingsView;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;

/** Creates workspaces and members through the real services and hands out their access tokens. */
@TestComponent
public class TestWorkspaces {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Workspaces workspaces;
    private final Invitations invitations;
    private final AccessTokens accessTokens;
    private final ApprovalSetup approvals;
    /** Absent in module tests that boot without planning. */
    private final ObjectProvider<PlanningPreferences> planning;

    TestWorkspaces(Workspaces workspaces, Invitations invitations, AccessTokens accessTokens,
            ApprovalSetup approvals, ObjectProvider<PlanningPreferences> planning) {
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.accessTokens = accessTokens;
        this.approvals = approvals;
        this.planning = planning;
    }

    public record Member(UUID userId, UUID workspaceId, String email, Role role, String token) {

        public String bearer() {
            return "Bearer " + token;
        }

        public Actor actor(Workspaces workspaces) {
            return workspaces.actorFor(userId, workspaceId).orElseThrow();
        }
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    /** A new workspace and its owner. */
    public Member workspace(String name) {
        String email = uniqueEmail("owner");
        Workspaces.SignedUp signedUp = workspaces.signUp(new Workspaces.SignUp(name, "Owner of " + name, email, PASSWORD, "UTC"));
        return member(signedUp.userId(), signedUp.workspaceId(), email);
    }

    /**
     * A new workspace whose campaigns launch on their own readiness: its approval scopes are all switched off (no
     * publish gate) and so are automatic timelines (no plan, so planning adds no readiness items, and no listener
     * writes tasks while a test runs). For tests of other modules' rules; the approvals and planning tests cover
     * their own items.
     */
    public Member withoutApprovals(String name) {
        Member owner = workspace(name);
        as(owner, () -> {
            approvals.scopes().forEach(scope -> approvals.changeScope(scope.key(),
                    new ScopeChange(null, false, null, null, null), null));
            withoutAutomaticTimelines();
            return null;
        });
        return owner;
    }

    /** Switches automatic timelines off in the current workspace, keeping the other planning settings. */
    private void withoutAutomaticTimelines() {
        planning.ifAvailable(preferences -> {
            PlanningSettingsView current = preferences.view();
            preferences.change(new PlanningSettingsChange(false, current.bufferUrgent(), current.bufferHigh(),
                    current.bufferMedium(), current.bufferLow(), current.holidays()), null);
        });
    }

    /** A new member of the owner's workspace with the given role, invited by the owner. */
    public Member addMember(Member owner, Role role) {
        String email = uniqueEmail(role.name().toLowerCase());
        String token = as(owner, () -> invitations.invite(email, role).token());
        Invitations.Accepted accepted = invitations.accept(token, "A " + role.label(), PASSWORD, null);
        return member(accepted.userId(), accepted.workspaceId(), email);
    }

    /** Runs work as the given member, in their workspace, as a request would. */
    public <T> T as(Member member, java.util.function.Supplier<T> work) {
        return CurrentActor.runAs(member.actor(workspaces), () -> TenantScope.call(member.workspaceId(), work));
    }

    private Member member(UUID userId, UUID workspaceId, String email) {
        Actor actor = workspaces.actorFor(userId, workspaceId).orElseThrow();
        return new Member(userId, workspaceId, email, actor.role(), accessTokens.issue(actor).token());
    }
}
