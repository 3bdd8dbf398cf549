package io.flightdeck.publishing.networks.facebook;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.publishing.NetworkOAuthFakes;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meta's webhooks acting, with signed deliveries over real HTTP to the running application and the Page's posts read
 * from the shared {@link FakeFacebook}: a new post on a Page settles a post in doubt only when the lookup finds it, a
 * removed post is recorded and shown, the deauthorize callback breaks the Page and tells its owner, redeliveries change
 * nothing, unsigned or wrongly signed deliveries are refused and change nothing, and a Page no workspace has is ignored.
 * Each test has its own Page id, so that no other test's workspace has it.
 */
@FlightdeckTest
class MetaWebhookActionsTests {

    private static final FakeFacebook FACEBOOK = NetworkOAuthFakes.FACEBOOK;

    @LocalServerPort
    int port;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    /** Posts a day apart, so that the campaign's gap between posts on a channel holds none back. */
    private int days = 2;

    @AfterEach
    void nothingUndocumentedWasAsked() {
        assertThat(FACEBOOK.violations).isEmpty();
    }

    /** A workspace with a launched campaign and a Facebook Page account on a Page of its own. */
    private record Page(Member owner, String campaign, String accountId, String pageId) {
    }

    private Page page(String name) {
        Member owner = workspaces.withoutApprovals(name);
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String pageId = "1048577" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String token = "fb-page-token-" + pageId;
        FACEBOOK.tokens.put(token, Instant.MAX);
        FACEBOOK.owners.put(token, pageId);
        // connected as a person connects any account, then made the Page a connect through Facebook Login would keep
        MvcTestResult created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Acme Coffee","channel":"LINKEDIN","timeZone":"Europe/Paris","settings":{}}""");
        assertThat(created).hasStatus(201);
        String accountId = Json.read(created, "$.id");
        jdbc.sql("update channel_accounts set network = 'facebook', channel = 'FACEBOOK', external_id = ?,"
                + " access_token = ? where id = ?").params(pageId, cipher.encrypt(token), UUID.fromString(accountId))
                .update();
        return new Page(owner, campaign, accountId, pageId);
    }

    /** A post scheduled on the Page days ahead; answers the post's id and its channel post's id. */
    private String[] post(Page page, String text) {
        MvcTestResult made = api.as(page.owner()).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"%s","at":"%s"}""".formatted(page.campaign(),
                page.accountId(), text, clock.instant().plus(Duration.ofDays(days++))));
        assertThat(made.getResponse().getStatus()).as(Json.body(made)).isEqualTo(201);
        String postId = Json.read(made, "$.id");
        String channelPostId = Json.read(api.as(page.owner()).get("/api/v1/social/posts/" + postId), "$.channels[0].id");
        return new String[] {postId, channelPostId};
    }

    /** The attempt began ten minutes ago and nobody could tell whether it arrived. */
    private void inDoubt(String channelPostId, Instant attemptStartedAt) {
        jdbc.sql("update channel_posts set status = 'IN_DOUBT', attempt_started_at = ?, error_code = 'in-doubt',"
                + " error_message = 'The attempt was interrupted and Facebook cannot tell whether it arrived.'"
                + " where id = ?").params(Timestamp.from(attemptStartedAt), UUID.fromString(channelPostId)).update();
    }

    private void published(String channelPostId, String externalId) {
        jdbc.sql("update channel_posts set status = 'PUBLISHED', external_id = ?, external_url = ?, published_at = ?"
                + " where id = ?").params(externalId, "https://www.facebook.com/" + externalId,
                Timestamp.from(clock.instant()), UUID.fromString(channelPostId)).update();
    }

    private String channel(Page page, String postId, String path) {
        return String.valueOf((Object) Json.read(api.as(page.owner()).get("/api/v1/social/posts/" + postId),
                "$.channels[0]." + path));
    }

    private long version(String channelPostId) {
        return jdbc.sql("select version from channel_posts where id = ?").param(UUID.fromString(channelPostId))
                .query(Long.class).single();
    }

    private static String feed(String pageId, String item, String verb, String postId, String message) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1764000000,"changes":[{"field":"feed","value":{
                "from":{"id":"%s","name":"Acme Coffee"},"item":"%s","verb":"%s","post_id":"%s","published":1,
                "created_time":1764000000,"message":"%s"}}]}]}""".formatted(pageId, pageId, item, verb, postId, message);
    }

    private HttpResponse<String> deliver(String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deauthorize(String signedRequest) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/meta/deauthorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signed_request="
                        + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewPostOnThePageSettlesAPostInDoubtOnlyWhenTheLookupFindsIt() throws Exception {
        Page page = page("Meta feed add");
        Page other = page("Meta feed add elsewhere");
        String text = "Spring roast is here " + page.pageId();
        String[] post = post(page, text);
        String[] elsewhere = post(other, text);
        Instant started = clock.instant().minus(Duration.ofMinutes(10));
        inDoubt(post[1], started);
        inDoubt(elsewhere[1], started);

        // a comment on the Page is not a post: nothing is asked
        assertThat(deliver(feed(page.pageId(), "comment", "add", page.pageId() + "_1", "Lovely"),
                FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(channel(page, post[0], "status")).isEqualTo("IN_DOUBT");

        // a post added that is not ours: the lookup finds nothing like it, so the post stays for a person
        String someoneElses = page.pageId() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
        FACEBOOK.posts.add(new FakeFacebook.Post(someoneElses, "Opening hours", null, started.plusSeconds(30), List.of()));
        assertThat(deliver(feed(page.pageId(), "status", "add", someoneElses, "Opening hours"),
                FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(channel(page, post[0], "status")).isEqualTo("IN_DOUBT");

        // the attempt's post shows up on the Page: the lookup finds exactly it, and the post is published with its id
        String ours = page.pageId() + "_" + ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000);
        FACEBOOK.posts.add(new FakeFacebook.Post(ours, text, null, started.plusSeconds(5), List.of()));
        String added = feed(page.pageId(), "status", "add", ours, text);
        assertThat(deliver(added, "another-secret").statusCode()).as("wrongly signed").isEqualTo(401);
        assertThat(channel(page, post[0], "status")).isEqualTo("IN_DOUBT");
        HttpResponse<String> answered = deliver(added, FakeFacebook.APP_SECRET);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(channel(page, post[0], "status")).isEqualTo("PUBLISHED");
        assertThat(channel(page, post[0], "externalId")).isEqualTo(ours);
        assertThat(channel(page, post[0], "externalUrl")).endsWith("/" + ours);
        assertThat(channel(page, post[0], "log[-1].message")).contains("Found on the network");

        // Meta delivers it again: nothing changes
        long before = version(post[1]);
        assertThat(deliver(added, FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(version(post[1])).isEqualTo(before);
        // the other workspace's post on another Page with the same text was never touched
        assertThat(channel(other, elsewhere[0], "status")).isEqualTo("IN_DOUBT");
    }

    @Test
    void aPostRemovedOnThePageIsRecordedOnceAndShownOnThePostsPage() throws Exception {
        Page page = page("Meta feed remove");
        Page other = page("Meta feed remove elsewhere");
        String[] post = post(page, "Winter blend is back");
        String[] kept = post(page, "Single origin week");
        String[] elsewhere = post(other, "Winter blend is back");
        String removedId = page.pageId() + "_778899";
        published(post[1], removedId);
        published(kept[1], page.pageId() + "_778900");
        published(elsewhere[1], removedId); // the same id on another workspace's account: not its Page's post

        String removed = feed(page.pageId(), "status", "remove", removedId, "");
        assertThat(deliver(removed, "another-secret").statusCode()).isEqualTo(401);
        assertThat(channel(page, post[0], "removedFromNetworkAt")).isEqualTo("null");

        assertThat(deliver(removed, FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(channel(page, post[0], "status")).as("it did go out").isEqualTo("PUBLISHED");
        assertThat(channel(page, post[0], "removedFromNetworkAt")).isNotEqualTo("null");
        assertThat(channel(page, post[0], "log[-1].message")).isEqualTo(
                "Facebook says the post was removed there: it is no longer on the network");
        assertThat(channel(page, kept[0], "removedFromNetworkAt")).isEqualTo("null");
        assertThat(channel(other, elsewhere[0], "removedFromNetworkAt")).isEqualTo("null");
        String panel = web.fragment(web.signIn(page.owner()), "/campaigns/" + page.campaign() + "/social/panel");
        assertThat(panel).contains("Removed on Facebook").contains("the network no longer shows this post");

        long before = version(post[1]);
        assertThat(deliver(removed, FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(version(post[1])).as("a redelivery changes nothing").isEqualTo(before);
    }

    @Test
    void aPageThatRemovedTheAppIsBrokenAndItsOwnerTold() throws Exception {
        Page page = page("Meta deauthorize");
        Page other = page("Meta deauthorize elsewhere");
        String signed = signed("""
                {"algorithm":"HMAC-SHA256","issued_at":1764000000,"profile_id":"%s","user_id":0}"""
                .formatted(page.pageId()), FakeFacebook.APP_SECRET, true);

        HttpResponse<String> forged = deauthorize(signed("""
                {"algorithm":"HMAC-SHA256","profile_id":"%s"}""".formatted(page.pageId()), "another-secret", false));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("webhook-signature");
        assertThat(deauthorize("").statusCode()).isEqualTo(401);
        assertThat(health(page)).isEqualTo("CONNECTED");

        assertThat(deauthorize(signed).statusCode()).isEqualTo(200);
        assertThat(health(page)).isEqualTo("BROKEN");
        assertThat(health(other)).isEqualTo("CONNECTED");
        String title = "Facebook account Acme Coffee can no longer post";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Json.<List<String>>read(
                api.as(page.owner()).get("/api/v1/notifications"), "$.items[*].title")).contains(title));

        long before = jdbc.sql("select version from channel_accounts where id = ?")
                .param(UUID.fromString(page.accountId())).query(Long.class).single();
        assertThat(deauthorize(signed).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select version from channel_accounts where id = ?")
                .param(UUID.fromString(page.accountId())).query(Long.class).single()).isEqualTo(before);
        Thread.sleep(500); // a second notification, were there one, would be on its way
        assertThat(Json.<List<String>>read(api.as(page.owner()).get("/api/v1/notifications"), "$.items[*].title")
                .stream().filter(title::equals)).hasSize(1);
        assertThat(Json.<List<String>>read(api.as(other.owner()).get("/api/v1/notifications"), "$.items[*].title"))
                .doesNotContain(title);
    }

    @Test
    void aDeliveryForAPageNoWorkspaceHasIsAcknowledgedAndIgnored() throws Exception {
        String unknown = "1048578" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        assertThat(deliver(feed(unknown, "status", "add", unknown + "_1", "Hello"), FakeFacebook.APP_SECRET)
                .statusCode()).isEqualTo(200);
        assertThat(deliver(feed(unknown, "status", "remove", unknown + "_1", ""), FakeFacebook.APP_SECRET)
                .statusCode()).isEqualTo(200);
        assertThat(deauthorize(signed("{\"algorithm\":\"HMAC-SHA256\",\"profile_id\":\""
                + unknown + "\"}", FakeFacebook.APP_SECRET, false)).statusCode()).isEqualTo(200);
        // Instagram's object and a person's permissions are acknowledged; nothing here acts on them
        assertThat(deliver("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + unknown + "\",\"time\":1764000000,"
                + "\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"1\",\"text\":\"Nice\"}}]}]}",
                FakeFacebook.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from channel_accounts where external_id = ?").param(unknown)
                .query(Long.class).single()).isZero();
    }

    /** A signed request as Meta makes one (see {@code MetaSignedRequestTests} for the ways one is wrong). */
    private static String signed(String json, String secret, boolean padded) {
        try {
            java.util.Base64.Encoder encoder = padded ? java.util.Base64.getUrlEncoder()
                    : java.util.Base64.getUrlEncoder().withoutPadding();
            String payload = encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return encoder.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String health(Page page) {
        return Json.read(api.as(page.owner()).get("/api/v1/channels/" + page.accountId()), "$.health");
    }
}
