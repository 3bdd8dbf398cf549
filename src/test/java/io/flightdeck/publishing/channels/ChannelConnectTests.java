package io.flightdeck.publishing.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.publishing.networks.facebook.FakeFacebook;
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.publishing.NetworkOAuthFakes.AUTH;
import static io.flightdeck.publishing.NetworkOAuthFakes.CALLBACK;
import static io.flightdeck.publishing.NetworkOAuthFakes.FACEBOOK;
import static io.flightdeck.publishing.NetworkOAuthFakes.LINKEDIN;
import static io.flightdeck.publishing.NetworkOAuthFakes.LINKEDIN_AUTH;
import static io.flightdeck.publishing.NetworkOAuthFakes.LINKEDIN_CALLBACK;
import static io.flightdeck.publishing.NetworkOAuthFakes.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Connecting an X account through the channels page against a fake authorisation server: the state and the PKCE
 * challenge travel and come back as RFC 6749 and 7636 say, a replayed, foreign, late or tampered answer connects
 * nothing, the token is stored encrypted, renewed before it ends (and single-use refresh tokens are never spent
 * twice), and the account's health follows its token: expiring when it cannot be renewed, broken once it ended or
 * the network refused to renew it.
 */
@FlightdeckTest
class ChannelConnectTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    ApiClient api;
    @Autowired
    MutableClock clock;
    @Autowired
    ChannelTokens tokens;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChannelConnects connects;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Member owner;
    private MockHttpSession admin;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Connect X");
        admin = web.signIn(owner);
        AUTH.expiresIn = 7200L;
        AUTH.issueRefreshTokens = true;
        AUTH.refuseRefresh = false;
    }

    @AfterEach
    void noViolations() {
        clock.reset();
        assertThat(AUTH.violations).isEmpty();
        assertThat(LINKEDIN_AUTH.violations).isEmpty();
        assertThat(LINKEDIN.violations).isEmpty();
        assertThat(FACEBOOK.violations).isEmpty();
    }

    /** The channels page's button: where the person is sent. */
    private URI startAt(MockHttpSession session) {
        MvcTestResult started = mvc.post().uri("/channels/connect/x").session(session).with(csrf())
                .param("timeZone", "Europe/Berlin").exchange();
        assertThat(started).hasStatus3xxRedirection();
        return URI.create(started.getResponse().getRedirectedUrl());
    }

    /** The person grants access at the network: where the network sends them back. */
    private URI grant(URI authorize) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private MvcTestResult callback(MockHttpSession session, URI back) {
        assertThat(back.toString()).startsWith(CALLBACK);
        return mvc.get().uri(back.getPath() + "?" + back.getRawQuery()).session(session).exchange();
    }

    private static String flash(MvcTestResult result) {
        Object flash = result.getMvcResult().getFlashMap().get("flash");
        return String.valueOf(flash);
    }

    private List<String> accountIds() {
        return Json.read(api.as(owner).get("/api/v1/channels"), "$[*].id");
    }

    @Test
    void anAdminConnectsAnXAccountWithStateAndPkceAndTheTokenIsStoredEncrypted() throws Exception {
        URI authorize = startAt(admin);
        assertThat(authorize.toString()).startsWith("http://localhost:" + SERVER.getPort() + "/i/oauth2/authorize?")
                .contains("code_challenge_method=S256").contains("state=")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%2Fchannels%2Foauth%2Fx%2Fcallback");
        URI back = grant(authorize);

        MvcTestResult done = callback(admin, back);
        assertThat(done).hasStatus3xxRedirection().hasRedirectedUrl("/channels");
        assertThat(flash(done)).contains("Connected Roastery (X)");
        MvcTestResult list = api.as(owner).get("/api/v1/channels");
        assertThat(Json.<List<String>>read(list, "$[*].network")).containsExactly("x");
        assertThat(Json.<String>read(list, "$[0].handle")).isEqualTo("@roastery");
        assertThat(Json.<String>read(list, "$[0].health")).isEqualTo("CONNECTED");
        assertThat(Json.<String>read(list, "$[0].timeZone")).isEqualTo("Europe/Berlin");
        assertThat(Json.<String>read(list, "$[0].channel")).isEqualTo("TWITTER");
        assertThat(web.page(admin, "/channels")).contains("Roastery").contains("@roastery").contains("Permission until")
                .contains("Reconnect");

        // at rest the tokens are ciphertext, never the network's strings
        String issued = AUTH.accessTokens.get(AUTH.accessTokens.size() - 1);
        List<String> stored = jdbc.queryForList(
                "select access_token from channel_accounts where network = 'x' and tenant_id = ?", String.class,
                owner.workspaceId());
        assertThat(stored).hasSize(1).allSatisfy(t -> assertThat(t).doesNotContain(issued).doesNotContain("access-"));
        UUID id = UUID.fromString(accountIds().get(0));
        assertThat(workspaces.as(owner, () -> accounts.connection(id)).orElseThrow().accessToken()).isEqualTo(issued);

        // the same answer again connects nothing (the state is single-use)
        MvcTestResult replay = callback(admin, back);
        assertThat(replay).hasRedirectedUrl("/channels");
        assertThat(flash(replay)).contains("not connected").contains("already used");
        assertThat(accountIds()).hasSize(1);

        // connecting the same X account again mends it rather than adding another
        assertThat(callback(admin, grant(startAt(admin)))).hasRedirectedUrl("/channels");
        assertThat(accountIds()).hasSize(1);
    }

    @Test
    void aForeignLateDeclinedOrTamperedAnswerConnectsNothing() throws Exception {
        // a state this installation never handed out
        MvcTestResult unknown = mvc.get().uri("/channels/oauth/x/callback?code=abc&state=" + "z".repeat(43))
                .session(admin).exchange();
        assertThat(flash(unknown)).contains("not connected").contains("state is unknown");

        // another admin of the same workspace cannot finish someone else's connection
        Member other = workspaces.addMember(owner, Role.ADMIN);
        URI back = grant(startAt(admin));
        assertThat(flash(callback(web.signIn(other), back))).contains("started by someone else");

        // another workspace does not even see the state
        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(flash(callback(web.signIn(stranger), grant(startAt(admin))))).contains("state is unknown");

        // too late: ten minutes have passed
        URI late = grant(startAt(admin));
        clock.advance(Duration.ofMinutes(11));
        assertThat(flash(callback(admin, late))).contains("longer than 10 minutes");
        clock.reset();

        // the person declined at the network
        URI declined = startAt(admin);
        String state = query(declined, "state");
        MvcTestResult refused = mvc.get().uri("/channels/oauth/x/callback").param("error", "access_denied")
                .param("error_description", "The user denied access").param("state", state).session(admin).exchange();
        assertThat(flash(refused)).contains("did not grant access").contains("The user denied access");

        // a code issued for another challenge: the network refuses the verifier, nothing is connected
        String tampered = query(startAt(admin), "state");
        String foreignCode = AUTH.codeForChallenge(FakeAuthorizationServer.s256("someone-elses-verifier-"
                + "x".repeat(30)));
        MvcTestResult pkce = mvc.get().uri("/channels/oauth/x/callback?code=" + foreignCode + "&state=" + tampered)
                .session(admin).exchange();
        assertThat(flash(pkce)).contains("not connected").contains("did not match the challenge");

        assertThat(accountIds()).isEmpty();
    }

    @Test
    void connectingNeedsAnAdminAndAConfiguredSignInNetwork() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(mvc.post().uri("/channels/connect/x").session(web.signIn(viewer)).with(csrf()).exchange())
                .hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/channels/connect", "{\"network\":\"x\"}")).hasStatus(403);
        assertThat(api.as(owner).post("/api/v1/channels/connect", "{\"network\":\"nowhere\"}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/connect", "{\"network\":\"sandbox\"}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/connect", "{\"network\":\"x\",\"timeZone\":\"Mars/Base\"}"))
                .hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/connect", "{}")).hasStatus(400);

        MvcTestResult started = api.as(owner).post("/api/v1/channels/connect", "{\"network\":\"x\"}");
        assertThat(started).hasStatus(201);
        assertThat(Json.<String>read(started, "$.authorizationUrl")).contains("/i/oauth2/authorize?")
                .contains("client_id=fd-client");
        // nothing waits for a choice here: X tokens speak for one account
        assertThat(api.as(owner).get("/api/v1/channels/connect/" + Json.read(started, "$.requestId"))).hasStatus(404);
    }

    @Test
    void tokensAreRenewedBeforeTheyEndAndAnAccountBreaksWhenTheNetworkRefuses() throws Exception {
        callback(admin, grant(startAt(admin)));
        UUID id = UUID.fromString(accountIds().get(0));
        String first = workspaces.as(owner, () -> accounts.connection(id)).orElseThrow().accessToken();

        // the recurring run renews a token ending within half an hour; a second run has nothing to do
        clock.advance(Duration.ofMinutes(95));
        int before = AUTH.refreshes.get();
        tokens.checkAll();
        tokens.checkAll();
        assertThat(AUTH.refreshes.get()).isEqualTo(before + 1);
        String second = workspaces.as(owner, () -> accounts.connection(id)).orElseThrow().accessToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/channels/" + id), "$.health")).isEqualTo("CONNECTED");

        // a call about to be made renews a token the recurring run missed
        clock.advance(Duration.ofMinutes(117));
        String third = workspaces.as(owner, () -> accounts.connection(id)).orElseThrow().accessToken();
        assertThat(third).isNotEqualTo(second);

        // the person removed the app's access at X: renewing fails, the account is broken and says why
        AUTH.refuseRefresh = true;
        clock.advance(Duration.ofMinutes(100));
        tokens.checkAll();
        MvcTestResult broken = api.as(owner).get("/api/v1/channels/" + id);
        assertThat(Json.<String>read(broken, "$.health")).isEqualTo("BROKEN");
        assertThat(Json.<String>read(broken, "$.healthReason")).contains("refused to renew").contains("connect it again");

        // reconnecting mends it
        AUTH.refuseRefresh = false;
        callback(admin, grant(startAt(admin)));
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/channels/" + id), "$.health")).isEqualTo("CONNECTED");
    }

    @Test
    void aTokenThatCannotBeRenewedMakesTheAccountExpiringThenBroken() throws Exception {
        AUTH.issueRefreshTokens = false;
        AUTH.expiresIn = Duration.ofDays(60).toSeconds();
        callback(admin, grant(startAt(admin)));
        UUID id = UUID.fromString(accountIds().get(0));
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/channels/" + id), "$.health")).isEqualTo("CONNECTED");

        clock.advance(Duration.ofDays(54));
        tokens.checkAll();
        MvcTestResult expiring = api.as(owner).get("/api/v1/channels/" + id);
        assertThat(Json.<String>read(expiring, "$.health")).isEqualTo("EXPIRING");
        assertThat(Json.<String>read(expiring, "$.healthReason")).contains("cannot be renewed");
        assertThat(web.page(admin, "/channels")).contains("Expiring").contains("cannot be renewed");

        clock.advance(Duration.ofDays(7));
        tokens.checkAll();
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/channels/" + id), "$.health")).isEqualTo("BROKEN");
        tokens.checkAll(); // nothing new to tell

        // whoever connected it heard each change for the worse once, with the reason
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Json.<List<String>>read(
                api.as(owner).get("/api/v1/notifications"), "$.items[*].trigger"))
                .containsExactly("CHANNEL_BROKEN", "CHANNEL_EXPIRING"));
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/notifications"), "$.items[1].body")).contains("cannot be renewed");
    }

    @Test
    void aLinkedInPermissionCoveringPagesLetsTheAdminPickWhichToConnect() throws Exception {
        LINKEDIN.at("http://localhost:" + SERVER.getPort());
        MvcTestResult started = mvc.post().uri("/channels/connect/linkedin").session(admin).with(csrf())
                .param("timeZone", "Europe/Paris").exchange();
        URI authorize = URI.create(started.getResponse().getRedirectedUrl());
        assertThat(authorize.getPath()).isEqualTo("/oauth/v2/authorization");
        assertThat(authorize.getRawQuery()).doesNotContain("code_challenge");
        URI back = grant(authorize);
        assertThat(back.toString()).startsWith(LINKEDIN_CALLBACK);

        MvcTestResult answered = mvc.get().uri(back.getPath() + "?" + back.getRawQuery()).session(admin).exchange();
        String choose = answered.getResponse().getRedirectedUrl();
        assertThat(choose).startsWith("/channels/connect/");
        String requestId = choose.substring("/channels/connect/".length());
        String page = web.page(admin, choose);
        assertThat(page).contains("Choose the accounts to connect").contains(FakeLinkedIn.MEMBER_NAME)
                .contains("Acme Coffee").contains("Globex").doesNotContain("Initech");
        MvcTestResult offered = api.as(owner).get("/api/v1/channels/connect/" + requestId);
        assertThat(Json.<List<String>>read(offered, "$.candidates[*].externalId")).containsExactlyInAnyOrder(
                FakeLinkedIn.MEMBER, FakeLinkedIn.ACME, FakeLinkedIn.GLOBEX);
        assertThat(accountIds()).isEmpty();

        // only an admin, only what was offered, at least one
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/channels/connect/" + requestId + "/accounts",
                "{\"externalIds\":[\"" + FakeLinkedIn.ACME + "\"]}")).hasStatus(403);
        assertThat(api.as(owner).post("/api/v1/channels/connect/" + requestId + "/accounts",
                "{\"externalIds\":[\"urn:li:organization:1\"]}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/connect/" + requestId + "/accounts",
                "{\"externalIds\":[]}")).hasStatus(400);
        assertThat(accountIds()).isEmpty();

        MvcTestResult picked = mvc.post().uri(choose + "/accounts").session(admin).with(csrf())
                .param("externalId", FakeLinkedIn.ACME).param("externalId", FakeLinkedIn.MEMBER).exchange();
        assertThat(picked).hasRedirectedUrl("/channels");
        assertThat(flash(picked)).contains("Acme Coffee (LinkedIn)").contains(FakeLinkedIn.MEMBER_NAME);
        MvcTestResult list = api.as(owner).get("/api/v1/channels");
        assertThat(Json.<List<String>>read(list, "$[*].displayName")).containsExactlyInAnyOrder("Acme Coffee",
                FakeLinkedIn.MEMBER_NAME);
        assertThat(Json.<List<String>>read(list, "$[*].health")).containsOnly("CONNECTED");
        assertThat(Json.<List<String>>read(list, "$[*].timeZone")).containsOnly("Europe/Paris");

        // the choice is spent: nothing more to pick, and the kept tokens left the request
        assertThat(api.as(owner).get("/api/v1/channels/connect/" + requestId)).hasStatus(404);
        assertThat(flash(mvc.post().uri(choose + "/accounts").session(admin).with(csrf())
                .param("externalId", FakeLinkedIn.GLOBEX).exchange())).contains("already connected");
        assertThat(jdbc.queryForObject("select count(*) from channel_connect_requests where access_token is not null",
                Integer.class)).isZero();
        assertThat(accountIds()).hasSize(2);

        // a day after they expired, attempts are forgotten
        clock.advance(Duration.ofDays(2));
        connects.forgetExpired();
        assertThat(jdbc.queryForObject("select count(*) from channel_connect_requests where id = ?", Integer.class,
                UUID.fromString(requestId))).isZero();
    }

    @Test
    void aFacebookPageIsPickedAndKeepsItsOwnPageTokenNeverTheUsersNorInTheCandidates() throws Exception {
        MvcTestResult started = mvc.post().uri("/channels/connect/facebook").session(admin).with(csrf())
                .param("timeZone", "Europe/Paris").exchange();
        URI authorize = URI.create(started.getResponse().getRedirectedUrl());
        assertThat(authorize.getPath()).isEqualTo("/" + FakeFacebook.VERSION + "/dialog/oauth");
        assertThat(query(authorize, "scope")).isEqualTo("pages_show_list%2Cpages_read_engagement%2C"
                + "pages_manage_posts%2Cread_insights");
        URI back = grant(authorize);
        assertThat(back.toString()).startsWith(FACEBOOK.redirectUri);

        // the code is exchanged with a GET, the short-lived token traded for a long-lived one, and the Pages listed
        MvcTestResult answered = mvc.get().uri(back.getPath() + "?" + back.getRawQuery()).session(admin).exchange();
        String choose = answered.getResponse().getRedirectedUrl();
        assertThat(choose).startsWith("/channels/connect/");
        String requestId = choose.substring("/channels/connect/".length());
        assertThat(web.page(admin, choose)).contains(FakeFacebook.PAGE_NAME).contains(FakeFacebook.OTHER_PAGE_NAME)
                .doesNotContain("Acme Analytics");
        String kept = jdbc.queryForObject("select candidates::text || ' ' || access_token from channel_connect_requests"
                + " where id = ?", String.class, UUID.fromString(requestId));
        assertThat(kept).contains(FakeFacebook.PAGE_ID).doesNotContain("fb-page-token").doesNotContain("fb-user-");

        MvcTestResult picked = mvc.post().uri(choose + "/accounts").session(admin).with(csrf())
                .param("externalId", FakeFacebook.PAGE_ID).exchange();
        assertThat(picked).hasRedirectedUrl("/channels");
        MvcTestResult list = api.as(owner).get("/api/v1/channels");
        assertThat(Json.<List<String>>read(list, "$[*].displayName")).containsExactly(FakeFacebook.PAGE_NAME);
        assertThat(Json.<String>read(list, "$[0].channel")).isEqualTo("FACEBOOK");
        assertThat(Json.<String>read(list, "$[0].health")).isEqualTo("CONNECTED");
        UUID id = UUID.fromString(accountIds().get(0));
        ChannelConnection page = workspaces.as(owner, () -> accounts.connection(id)).orElseThrow();
        assertThat(page.accessToken()).isEqualTo(FakeFacebook.PAGE_TOKEN);
        assertThat(page.externalId()).isEqualTo(FakeFacebook.PAGE_ID);
        assertThat(jdbc.queryForObject("select token_expires_at is null and access_token not like '%fb-page%' from "
                + "channel_accounts where id = ?", Boolean.class, id)).isTrue(); // a Page token that does not expire
        assertThat(jdbc.queryForObject("select count(*) from channel_connect_requests where access_token is not null",
                Integer.class)).isZero();
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }
}
