package io.flightdeck.identity.domain;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of members' actors and API keys is bounded in time: a change written to the database behind this node's
 * back (as another node would, with no event reaching this one) is served stale at most for the ttl, and seen within
 * one second.
 */
@FlightdeckTest
class MemberCacheBoundTests {

    private static final Duration BOUND = Duration.ofSeconds(1);

    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    /** How long until the condition holds; fails past the bound. */
    private static Duration seenWithin(BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aRoleChangedElsewhereIsSeenWithinOneSecond() throws Exception {
        Member owner = testWorkspaces.workspace("Bound roles");
        Member member = testWorkspaces.addMember(owner, Role.MANAGER);
        assertThat(workspaces.actorFor(member.userId(), member.workspaceId()).orElseThrow().role()).isEqualTo(Role.MANAGER);

        jdbc.update("update memberships set role = 'VIEWER' where user_id = ? and tenant_id = ?", member.userId(),
                member.workspaceId());
        // Served from the cache right after the change: the database is not read on every request.
        assertThat(workspaces.actorFor(member.userId(), member.workspaceId()).orElseThrow().role()).isEqualTo(Role.MANAGER);
        seenWithin(() -> workspaces.actorFor(member.userId(), member.workspaceId()).orElseThrow().role() == Role.VIEWER);
    }

    @Test
    void aRemovalElsewhereIsSeenWithinOneSecond() throws Exception {
        Member owner = testWorkspaces.workspace("Bound removal");
        Member member = testWorkspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(workspaces.actorFor(member.userId(), member.workspaceId())).isPresent();

        jdbc.update("delete from memberships where user_id = ? and tenant_id = ?", member.userId(), member.workspaceId());
        seenWithin(() -> workspaces.actorFor(member.userId(), member.workspaceId()).isEmpty());
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedWithinOneSecond() throws Exception {
        Member owner = testWorkspaces.workspace("Bound keys");
        ApiKeys.Created created = testWorkspaces.as(owner, () -> apiKeys.create("ci", Role.ADMIN, null));
        assertThat(apiKeys.authenticate(created.secret()).actor().role()).isEqualTo(Role.ADMIN);

        jdbc.update("update api_keys set revoked_at = current_timestamp where id = ?", created.key().id());
        seenWithin(() -> apiKeys.authenticate(created.secret()).refusal() == ApiKeys.Refusal.REVOKED);
    }

    @Test
    void aCachedKeyIsRefusedTheMomentItExpiresAndAWrongSecretIsRefusedToo() {
        Member owner = testWorkspaces.workspace("Bound expiry");
        ApiKeys.Created created = testWorkspaces.as(owner,
                () -> apiKeys.create("ci", Role.ADMIN, clock.instant().plus(Duration.ofHours(1))));
        try {
            assertThat(apiKeys.authenticate(created.secret()).actor()).isNotNull();
            String wrong = created.secret().substring(0, created.secret().length() - 1)
                    + (created.secret().endsWith("A") ? "B" : "A");
            assertThat(apiKeys.authenticate(wrong).refusal()).isEqualTo(ApiKeys.Refusal.UNKNOWN);

            clock.advance(Duration.ofHours(1));
            assertThat(apiKeys.authenticate(created.secret()).refusal()).isEqualTo(ApiKeys.Refusal.EXPIRED);
        } finally {
            clock.reset();
        }
    }
}
