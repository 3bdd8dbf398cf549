package io.flightdeck.support;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Creates workspaces and members through the public API, as a client would (sign up, invite, accept), and hands out
 * their access tokens. It uses no module's internals, so a change inside a module cannot break every test's set-up.
 */
@TestComponent
public class TestWorkspaces {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApiClient api;

    TestWorkspaces(ApiClient api) {
        this.api = api;
    }

    /** A member with an access token; {@code actor} is who they are in their workspace, as a request would see it. */
    public record Member(UUID userId, UUID workspaceId, String email, Role role, String token, Actor actor) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    /** A new workspace and its owner. */
    public Member workspace(String name) {
        MvcTestResult signedUp = expect(HttpStatus.CREATED, api.anonymous().post("/api/v1/auth/signup", Map.of(
                "workspaceName", name, "displayName", "Owner of " + name, "email", uniqueEmail("owner"),
                "password", PASSWORD, "timeZone", "UTC")));
        return member(Json.read(signedUp, "$.accessToken"));
    }

    /**
     * A new workspace whose campaigns launch on their own readiness: its approval scopes are all switched off (no
     * publish gate) and so are automatic timelines (no plan, so planning adds no readiness items, and no listener
     * writes tasks while a test runs). For tests of other modules' rules; the approvals and planning tests cover
     * their own items.
     */
    public Member withoutApprovals(String name) {
        Member owner = workspace(name);
        List<String> scopes = Json.read(expect(HttpStatus.OK, api.as(owner).get("/api/v1/approval-scopes")), "$[*].key");
        for (String scope : scopes) {
            expect(HttpStatus.OK, api.as(owner).put("/api/v1/approval-scopes/" + scope, Map.of("enabled", false)));
        }
        withoutAutomaticTimelines(owner);
        return owner;
    }

    /** Switches automatic timelines off in the owner's workspace, keeping the other planning settings. */
    private void withoutAutomaticTimelines(Member owner) {
        MvcTestResult current = api.as(owner).get("/api/v1/planning-settings");
        if (current.getResponse().getStatus() == HttpStatus.NOT_FOUND.value()) {
            return; // a module test that boots without planning: there are no timelines to switch off
        }
        expect(HttpStatus.OK, current);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("autoTimeline", false);
        for (String kept : List.of("bufferUrgent", "bufferHigh", "bufferMedium", "bufferLow", "holidays")) {
            settings.put(kept, Json.read(current, "$." + kept));
        }
        expect(HttpStatus.OK, api.as(owner).put("/api/v1/planning-settings", settings));
    }

    /** A new member of the owner's workspace with the given role, invited by the owner. */
    public Member addMember(Member owner, Role role) {
        String email = uniqueEmail(role.name().toLowerCase());
        MvcTestResult invited = expect(HttpStatus.CREATED, api.as(owner).post("/api/v1/invitations",
                Map.of("email", email, "role", role.name())));
        MvcTestResult accepted = expect(HttpStatus.CREATED, api.anonymous().post("/api/v1/auth/accept-invitation",
                Map.of("token", Json.read(invited, "$.token"), "displayName", "A " + role.label(), "password", PASSWORD)));
        return member(Json.read(accepted, "$.accessToken"));
    }

    /** Runs work as the given member, in their workspace, as a request would. */
    public <T> T as(Member member, Supplier<T> work) {
        return CurrentActor.runAs(member.actor(), () -> TenantScope.call(member.workspaceId(), work));
    }

    /** The member the token belongs to, as {@code GET /api/v1/me} describes them (a token is never an API key's). */
    private Member member(String token) {
        MvcTestResult me = expect(HttpStatus.OK, api.anonymous().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get("/api/v1/me"));
        UUID userId = UUID.fromString(Json.read(me, "$.id"));
        UUID workspaceId = UUID.fromString(Json.read(me, "$.workspaceId"));
        String email = Json.read(me, "$.email");
        Role role = Role.valueOf(Json.read(me, "$.role"));
        Actor actor = new Actor(userId, workspaceId, role, email, Json.read(me, "$.displayName"),
                ZoneId.of(Json.read(me, "$.timeZone")), null);
        return new Member(userId, workspaceId, email, role, token, actor);
    }

    /** Set-up that fails says what the API answered, rather than failing later on a missing value. */
    private static MvcTestResult expect(HttpStatus status, MvcTestResult result) {
        if (result.getResponse().getStatus() != status.value()) {
            throw new IllegalStateException(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()
                    + " answered " + result.getResponse().getStatus() + ": " + Json.body(result));
        }
        return result;
    }
}
