package io.flightdeck.email;

import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sender settings through the API: defaults (the workspace's name, the installation's sender, no postal address, not
 * complete), a change by an admin with If-Match, a stale one refused, blank fields back to defaults, bad addresses and
 * line breaks refused, non-admins refused, each workspace its own.
 */
@FlightdeckTest
class EmailSettingsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void defaultsAChangeWithIfMatchAndWhoMayChangeThem() {
        Member owner = workspaces.workspace("Settings Acme");
        MvcTestResult initial = api.as(owner).get("/api/v1/email/settings");
        assertThat(initial).hasStatusOk();
        assertThat(initial.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) Json.read(initial, "$.effective.fromName")).isEqualTo("Settings Acme");
        assertThat((String) Json.read(initial, "$.effective.fromAddress")).isEqualTo("notifications@flightdeck.local");
        assertThat((Boolean) Json.read(initial, "$.effective.complete")).isFalse();

        MvcTestResult changed = api.as(owner).ifMatch("\"0\"").put("/api/v1/email/settings", Map.of("fromName",
                "Acme News", "fromAddress", "News@Acme.example", "replyTo", "help@acme.example", "postalAddress",
                "Acme Ltd, 1 Main St"));
        assertThat(changed).hasStatusOk();
        assertThat((String) Json.read(changed, "$.effective.fromAddress")).isEqualTo("News@acme.example");
        assertThat((Boolean) Json.read(changed, "$.effective.complete")).isTrue();
        assertThat(api.as(owner).ifMatch("\"0\"").put("/api/v1/email/settings", Map.of("fromName", "Stale")))
                .hasStatus(412);
        MvcTestResult back = api.as(owner).ifMatch("\"1\"").put("/api/v1/email/settings", Map.of("fromName", " ",
                "postalAddress", "Acme Ltd, 1 Main St"));
        assertThat((String) Json.read(back, "$.effective.fromName")).isEqualTo("Settings Acme");
        assertThat((String) Json.read(back, "$.effective.fromAddress")).isEqualTo("notifications@flightdeck.local");

        for (Map<String, Object> body : new Map[] {Map.of("fromAddress", "nope"), Map.of("replyTo", "a@b"),
                Map.of("fromName", "Two\nLines"), Map.of("postalAddress", "x".repeat(501))}) {
            assertThat(api.as(owner).put("/api/v1/email/settings", body)).hasStatus(400)
                    .hasContentType("application/problem+json");
        }
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).get("/api/v1/email/settings")).hasStatusOk();
        assertThat(api.as(manager).put("/api/v1/email/settings", Map.of("fromName", "Mine"))).hasStatus(403);

        Member other = workspaces.workspace("Settings other");
        assertThat((Boolean) Json.read(api.as(other).get("/api/v1/email/settings"), "$.effective.complete"))
                .isFalse();
    }
}
