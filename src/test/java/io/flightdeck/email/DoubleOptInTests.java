package io.flightdeck.email;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestLinkKeys;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Double opt-in with the default outbox transport: a contact from a form or the API waits (PENDING, never in a segment)
 * until they confirm the one mail sent to them; opening the link changes nothing, its button confirms (with the page's
 * CSRF token), a forged or used link is 404; the confirming address is kept only when the workspace keeps it; a
 * resend is a new mail with a new link; admins alone change the settings.
 */
@FlightdeckTest
class DoubleOptInTests {

    private static final Pattern LINK = Pattern.compile("/email/confirm/([A-Za-z0-9_.-]+)");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    private MvcTestResult settings(Member as, boolean doubleOptIn, boolean keepAddress) {
        return api.as(as).put("/api/v1/email/consent-settings", Map.of("doubleOptIn", doubleOptIn,
                "keepConsentAddress", keepAddress));
    }

    private String add(Member as, String email, String source) {
        MvcTestResult made = api.as(as).post("/api/v1/email/contacts", Map.of("email", email, "consent",
                Map.of("source", source, "evidence", "Newsletter form: Send me the news")));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    /** The outbox's mail to this address, once the job has sent it: answers the keys, oldest last. */
    private List<String> mailTo(Member admin, String email, int expected) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Json.<List<String>>read(
                api.as(admin).get("/api/v1/mail-outbox?size=100"), "$.items[?(@.to == '" + email + "')].key"))
                .hasSize(expected));
        return Json.read(api.as(admin).get("/api/v1/mail-outbox?size=100"), "$.items[?(@.to == '" + email + "')].key");
    }

    private String token(Member admin, String key) {
        String text = Json.read(api.as(admin).get("/api/v1/mail-outbox/" + key), "$.text");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    @Test
    void aPendingContactIsSubscribedOnlyByPressingTheButton() throws Exception {
        Member owner = workspaces.workspace("Double opt-in");
        assertThat(settings(owner, true, true)).hasStatusOk();
        String id = add(owner, "dora@example.com", "FORM");
        MvcTestResult pending = api.as(owner).get("/api/v1/email/contacts/" + id);
        assertThat((String) Json.read(pending, "$.status")).isEqualTo("PENDING");
        assertThat((Boolean) Json.read(pending, "$.awaitingOptIn")).isTrue();
        assertThat((Object) Json.read(pending, "$.consent")).isNull();
        assertThat(((Number) Json.read(api.as(owner).post("/api/v1/email/segments/count", Map.of("match", "ALL",
                "conditions", List.of())), "$.contacts")).intValue()).as("a pending contact is never mailed").isZero();

        List<String> keys = mailTo(owner, "dora@example.com", 1);
        assertThat(keys.get(0)).startsWith("email-opt-in-" + id + "-");
        String token = token(owner, keys.get(0));

        MvcTestResult page = mvc.get().uri("/email/confirm/" + token).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Json.body(page)).contains("dora@example.com", "Confirm my subscription");
        assertThat(mvc.get().uri("/email/confirm/" + token).exchange()).hasStatusOk();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .as("opening the link (a mail scanner) changes nothing").isEqualTo("PENDING");

        assertThat(mvc.post().uri("/email/confirm/" + token).exchange()).as("a post without the page's CSRF token")
                .hasStatus(403);
        assertThat(mvc.post().uri("/email/confirm/" + token.substring(0, token.length() - 2) + "xx").with(csrf())
                .exchange()).as("a forged token").hasStatus(404);
        assertThat(mvc.get().uri("/email/confirm/not-a-token").exchange()).hasStatus(404);

        MvcTestResult confirmed = mvc.post().uri("/email/confirm/" + token).with(csrf())
                .with(request -> { request.setRemoteAddr("203.0.113.7"); return request; }).exchange();
        assertThat(confirmed).hasStatus3xxRedirection();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/email/confirm/done");
        MvcTestResult subscribed = api.as(owner).get("/api/v1/email/contacts/" + id);
        assertThat((String) Json.read(subscribed, "$.status")).isEqualTo("SUBSCRIBED");
        assertThat((String) Json.read(subscribed, "$.consent.source")).isEqualTo("DOUBLE_OPT_IN");
        assertThat((String) Json.read(subscribed, "$.consent.confirmedAt")).isNotBlank();
        assertThat((String) Json.read(subscribed, "$.consent.address")).isEqualTo("203.0.113.7");
        assertThat(mvc.post().uri("/email/confirm/" + token).with(csrf()).exchange()).as("a used link").hasStatus(404);
        assertThat(mvc.get().uri("/email/confirm/done").exchange()).hasStatusOk();
        Thread.sleep(1500);
        assertThat(mailTo(owner, "dora@example.com", 1)).as("one mail per link").hasSize(1);
    }

    @Test
    void theAddressIsKeptOnlyWhenTheWorkspaceSaysSoAndAResendIsANewLink() throws Exception {
        Member owner = workspaces.workspace("Double opt-in resend");
        assertThat(settings(owner, true, false)).hasStatusOk();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + add(owner, "man@example.com",
                "MANUAL")), "$.status")).as("a member's own entry is not asked").isEqualTo("SUBSCRIBED");
        String id = add(owner, "eli@example.com", "API");
        String firstKey = mailTo(owner, "eli@example.com", 1).get(0);
        String first = token(owner, firstKey);

        MvcTestResult resent = api.as(owner).post("/api/v1/email/contacts/" + id + "/opt-in/resend");
        assertThat(resent).hasStatusOk();
        List<String> keys = mailTo(owner, "eli@example.com", 2);
        String secondKey = keys.stream().filter(k -> !k.equals(firstKey)).findFirst().orElseThrow();
        assertThat(secondKey).as("a new message, with a Message-ID of its own").startsWith("email-opt-in-" + id + "-");
        String second = token(owner, secondKey);
        assertThat(second).isNotEqualTo(first);
        assertThat(mvc.get().uri("/email/confirm/" + first).exchange()).as("the earlier link").hasStatus(404);

        assertThat(mvc.post().uri("/email/confirm/" + second).with(csrf()).exchange()).hasStatus3xxRedirection();
        MvcTestResult subscribed = api.as(owner).get("/api/v1/email/contacts/" + id);
        assertThat((String) Json.read(subscribed, "$.status")).isEqualTo("SUBSCRIBED");
        assertThat((Object) Json.read(subscribed, "$.consent.address")).isNull();
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + id + "/opt-in/resend")).as("confirmed already")
                .hasStatus(409);
    }

    @Test
    void anUnsubscribedContactIsNotSubscribedByAnOldLink() {
        Member owner = workspaces.workspace("Double opt-in then unsubscribed");
        settings(owner, true, false);
        String id = add(owner, "fay@example.com", "FORM");
        String token = token(owner, mailTo(owner, "fay@example.com", 1).get(0));
        api.as(owner).post("/api/v1/email/contacts/" + id + "/unsubscribe", Map.of("reason", "Asked"));

        assertThat(mvc.post().uri("/email/confirm/" + token).with(csrf()).exchange()).hasStatus(404);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void onlyAdminsChangeTheSettingsAndAnotherWorkspaceKeepsItsOwn() {
        Member owner = workspaces.workspace("Consent settings");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member other = workspaces.workspace("Consent settings elsewhere");
        assertThat(settings(manager, true, true)).hasStatus(403);
        MvcTestResult read = api.as(manager).get("/api/v1/email/consent-settings");
        assertThat((Boolean) Json.read(read, "$.doubleOptIn")).isFalse();
        MvcTestResult changed = settings(owner, true, false);
        assertThat(changed).hasStatusOk();
        assertThat(api.as(owner).ifMatch("\"99\"").put("/api/v1/email/consent-settings", Map.of("doubleOptIn", false,
                "keepConsentAddress", false))).hasStatus(412);
        assertThat((Boolean) Json.read(api.as(other).get("/api/v1/email/consent-settings"), "$.doubleOptIn")).isFalse();
        assertThat((String) Json.read(api.as(other).post("/api/v1/email/contacts", Map.of("email", "g@example.com",
                "consent", Map.of("source", "FORM", "evidence", "Form"))), "$.status")).isEqualTo("SUBSCRIBED");
    }

    @Test
    void aLinkMailedBeforeTheSigningKitStillConfirms() throws Exception {
        assertThat(linkAsMadeBefore(UUID.fromString("33333333-3333-4333-8333-333333333333"),
                UUID.fromString("22222222-2222-4222-8222-222222222222"), Instant.parse("2026-11-27T06:00:00Z")))
                .as("the format as the code before the kit made it, under the test profile's key")
                .isEqualTo("MzMzMzMzQzODMzMzMzMzMw.GCuYg4I4BCNN5lbgR-Abr40N_k5Urwe0PpWf-OiDYdE");
        Member owner = workspaces.workspace("Double opt-in before the kit");
        settings(owner, true, false);
        String id = add(owner, "gil@example.com", "FORM");
        Instant sentAt = Instant.parse("2026-11-20T09:00:00Z");
        String before = linkAsMadeBefore(owner.workspaceId(), UUID.fromString(id), sentAt);
        // the contact as that code left it: the hash of the mailed link stored, nothing else
        jdbc.update("update email_contacts set opt_in_token = ?, opt_in_sent_at = ? where id = ?",
                Hashing.sha256Hex(before), Timestamp.from(sentAt), UUID.fromString(id));

        assertThat(Json.body(mvc.get().uri("/email/confirm/" + before).exchange())).contains("gil@example.com");
        assertThat(mvc.post().uri("/email/confirm/" + before).with(csrf()).exchange()).hasStatus3xxRedirection();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .isEqualTo("SUBSCRIBED");
    }

    /** The workspace id, a dot, and an HMAC of the contact and the time, as double opt-in links were made. */
    private static String linkAsMadeBefore(UUID workspace, UUID contact, Instant sentAt) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestLinkKeys.masterKey(TestLinkKeys.TEST_PROFILE_KEY)
                .derive("flightdeck:email-opt-in:v1"), "HmacSHA256"));
        byte[] proof = mac.doFinal((contact + ":" + sentAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        byte[] id = ByteBuffer.allocate(16).putLong(workspace.getMostSignificantBits())
                .putLong(workspace.getLeastSignificantBits()).array();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(id) + "." + url.encodeToString(proof);
    }
}
