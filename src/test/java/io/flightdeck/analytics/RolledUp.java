package io.flightdeck.analytics;

import java.time.Duration;

import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for the rollups job (every second in tests) to fold in every change of a workspace's facts. */
final class RolledUp {

    private RolledUp() {
    }

    static void await(JdbcClient jdbc, Member owner) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from analytics_changes where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single() == 0);
    }
}
