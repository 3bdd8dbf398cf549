package io.flightdeck.notifications;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.FakeSlackServer;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The Slack app installed in a workspace and members linked, as a person does it (the OAuth flow, find, confirm). */
public record SlackSetup(MockMvcTester mvc, ApiClient api, WebSessions web) {

    public static final FakeSlackApi SLACK = FakeSlackServer.fake();

    /** Installs the app as the admin, through Slack's consent page's answer at the callback. */
    public void install(Member admin) {
        URI authorize = URI.create(Json.read(api.as(admin).post("/api/v1/slack/install"), "$.authorizeUrl"));
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build(true).getQueryParams().toSingleValueMap();
        SLACK.expectRedirect(URLDecoder.decode(query.get("redirect_uri"), StandardCharsets.UTF_8));
        assertThat(mvc.get().uri("/settings/slack/callback?state={s}&code={c}",
                        URLDecoder.decode(query.get("state"), StandardCharsets.UTF_8), SLACK.newCode())
                .session(web.signIn(admin)).exchange()).hasStatus3xxRedirection()
                .as("back on the Slack page, not sent to sign in").headers().hasValue("Location", "/settings/slack");
        assertThat((String) Json.read(api.as(admin).get("/api/v1/slack"), "$.mode")).isEqualTo("app");
    }

    /** The member finds themself (Slack knows their email as this user) and confirms. */
    public void link(Member member, String slackUserId, String name) {
        SLACK.addUser(member.email(), slackUserId, name);
        assertThat((String) Json.read(api.as(member).post("/api/v1/slack/link"), "$.status")).isEqualTo("proposed");
        assertThat((String) Json.read(api.as(member).post("/api/v1/slack/link/confirm"), "$.status")).isEqualTo("linked");
    }

    /** A forked application's properties pointing it at this JVM's Slack fake. */
    public static String[] forkedAppProperties() {
        return new String[] {"flightdeck.slack.api-base=" + SLACK.apiBase(),
                "flightdeck.slack.client-id=" + FakeSlackApi.CLIENT_ID,
                "flightdeck.slack.client-secret=" + FakeSlackApi.CLIENT_SECRET};
    }

    /** Installs the app in a forked application as an admin without a browser: install, then install/complete. */
    public static void installWithoutBrowser(ForkedApp app, String token) throws Exception {
        URI authorize = URI.create(JsonPath.read(ForkedApp.ok(app.send("POST", "/api/v1/slack/install", token, null),
                200), "$.authorizeUrl"));
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build(true).getQueryParams()
                .toSingleValueMap();
        SLACK.expectRedirect(URLDecoder.decode(query.get("redirect_uri"), StandardCharsets.UTF_8));
        ForkedApp.ok(app.send("POST", "/api/v1/slack/install/complete", token, "{\"state\":\"%s\",\"code\":\"%s\"}"
                .formatted(URLDecoder.decode(query.get("state"), StandardCharsets.UTF_8), SLACK.newCode())), 200);
    }

    public static String[] with(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
