package io.flightdeck.identity.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The central tenant filter at the repository level: a query in workspace B cannot see A's rows, not even by id;
 * outside any scope a query finds nothing; only an explicit system scope sees across workspaces.
 */
@FlightdeckTest
class TenantIsolationTests {

    @Autowired
    MembershipRepository memberships;
    @Autowired
    InvitationRepository invitations;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void workspaceBCannotSeeWorkspaceARows() {
        Member a = workspaces.workspace("Isolation A");
        workspaces.addMember(a, Role.VIEWER);
        Member b = workspaces.workspace("Isolation B");

        List<Membership> seenByA = TenantScope.call(a.workspaceId(), () -> memberships.findAll());
        List<Membership> seenByB = TenantScope.call(b.workspaceId(), () -> memberships.findAll());
        assertThat(seenByA).hasSize(2).allSatisfy(m -> assertThat(m.getTenantId()).isEqualTo(a.workspaceId()));
        assertThat(seenByB).hasSize(1).allSatisfy(m -> assertThat(m.getTenantId()).isEqualTo(b.workspaceId()));

        UUID rowOfA = seenByA.get(0).getId();
        assertThat(TenantScope.call(b.workspaceId(), () -> memberships.findById(rowOfA))).isEmpty();
        assertThat(TenantScope.call(b.workspaceId(), () -> memberships.findWithUser(a.userId()))).isEmpty();
        assertThat(TenantScope.call(b.workspaceId(), () -> memberships.countByRole(Role.VIEWER))).isZero();
    }

    @Test
    void aForgottenScopeFindsNothing() {
        workspaces.workspace("Forgotten scope");
        assertThat(memberships.findAll()).isEmpty();
        assertThat(invitations.findAll()).isEmpty();
    }

    @Test
    void onlyTheSystemScopeSeesEveryWorkspace() {
        Member a = workspaces.workspace("System A");
        Member b = workspaces.workspace("System B");
        List<UUID> tenants = TenantScope.system("test", () -> memberships.findAll()).stream().map(Membership::getTenantId).toList();
        assertThat(tenants).contains(a.workspaceId(), b.workspaceId());
    }

    @Test
    void newRowsTakeTheirWorkspaceFromTheScope() {
        Member a = workspaces.workspace("Insert scope");
        workspaces.as(a, () -> workspaces.addMember(a, Role.CONTRIBUTOR));
        List<Membership> rows = TenantScope.call(a.workspaceId(), () -> memberships.findAll());
        assertThat(rows).extracting(Membership::getTenantId).containsOnly(a.workspaceId());
    }
}
