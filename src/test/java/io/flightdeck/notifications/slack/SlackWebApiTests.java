package io.flightdeck.notifications.slack;

import static io.flightdeck.notifications.slack.FakeSlackApi.BOT_TOKEN;
import static io.flightdeck.notifications.slack.FakeSlackApi.CHANNEL;
import static io.flightdeck.notifications.slack.FakeSlackApi.CLIENT_ID;
import static io.flightdeck.notifications.slack.FakeSlackApi.CLIENT_SECRET;
import static io.flightdeck.notifications.slack.FakeSlackApi.CODE;
import static io.flightdeck.notifications.slack.FakeSlackApi.TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.flightdeck.notifications.slack.FakeSlackApi.Call;
import io.flightdeck.notifications.slack.SlackBlocks.Facts;
import io.flightdeck.notifications.slack.SlackBlocks.Message;
import io.flightdeck.notifications.slack.SlackBlocks.Text;
import io.flightdeck.notifications.slack.SlackWebApi.Install;
import io.flightdeck.notifications.slack.SlackWebApi.Posted;
import io.flightdeck.shared.outbound.OutboundClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlackWebApiTests {

    private static final URI LINK = URI.create("https://flightdeck.example.com/w/acme/approvals/42");
    private static final Facts FACTS = new Facts("Spring launch & <hero> image", "v3", "Fri 14 Mar, 17:00",
            "Ana Lima", LINK, null);
    private static final String JSON_UTF8 = "application/json;charset=utf-8";
    private static final String FORM = "application/x-www-form-urlencoded";

    private FakeSlackApi slack;
    private SlackWebApi api;

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlackApi();
        api = new SlackWebApi(slack.apiBase(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void oauthV2AccessSendsTheClientCredentialsInBasicAndReturnsTheInstall() {
        slack.askForIncomingWebhook();
        Install install = api.oauthV2Access(CLIENT_ID, CLIENT_SECRET, CODE, FakeSlackApi.REDIRECT_URI);

        assertThat(install).extracting(Install::teamId, Install::teamName, Install::appId, Install::botUserId)
                .containsExactly(TEAM_ID, FakeSlackApi.TEAM_NAME, FakeSlackApi.APP_ID, FakeSlackApi.BOT_USER_ID);
        assertThat(install.scope()).contains("chat:write", "users:read.email");
        assertThat(install.incomingWebhook()).isEqualTo(new SlackWebApi.IncomingWebhook("#marketing", CHANNEL,
                slack.incomingWebhook()));
        assertThat(install.toString()).doesNotContain(install.botAccessToken(), "fakeWebhookSecret");
        Call call = slack.calls("oauth.v2.access").get(0);
        assertThat(call.httpMethod()).isEqualTo("POST");
        assertThat(call.header("Content-Type")).isEqualTo(FORM);
        assertThat(call.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(call.form()).isEqualTo(Map.of("code", CODE, "redirect_uri", FakeSlackApi.REDIRECT_URI));
        assertThat(api.authTest(install.botAccessToken()).teamId()).isEqualTo(TEAM_ID);

        assertRefused(() -> api.oauthV2Access(CLIENT_ID, CLIENT_SECRET, CODE, null), "invalid_code", true);
        SlackApiException secret = refusal(() -> api.oauthV2Access(CLIENT_ID, "wrong-secret", CODE, null));
        assertThat(secret).hasMessage("Slack oauth.v2.access failed: bad_client_secret");
        assertThat(secret.status()).isEqualTo(200);
    }

    @Test
    void authTestReadsWhoTheTokenIsAndARevokedOrUnknownTokenFailsForGood() {
        SlackWebApi.Identity identity = api.authTest(BOT_TOKEN);

        assertThat(identity).isEqualTo(new SlackWebApi.Identity(TEAM_ID, FakeSlackApi.TEAM_NAME,
                FakeSlackApi.BOT_USER_ID, "flightdeck", FakeSlackApi.BOT_ID, "https://flightdeck-test.slack.com/"));
        assertThat(slack.calls("auth.test").get(0).header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        assertRefused(() -> api.postMessage("xoxb-not-a-token", CHANNEL, "Hi", null), "invalid_auth", true);
        slack.revoke(BOT_TOKEN);
        assertThat(refusal(() -> api.authTest(BOT_TOKEN))).hasMessage("Slack auth.test failed: token_revoked");
        assertRefused(() -> api.authTest(BOT_TOKEN), "token_revoked", true);
    }

    @Test
    void postMessageSendsJsonWithCharsetAndReturnsChannelAndTs() {
        Message message = SlackBlocks.notification("Post published", "It went out.", "You follow Spring", LINK);
        Posted posted = api.postMessage(BOT_TOKEN, CHANNEL, message.text(), message.blocks());

        assertThat(posted.channel()).isEqualTo(CHANNEL);
        assertThat(posted.ts()).matches("\\d{10}\\.\\d{6}");
        Call call = slack.calls("chat.postMessage").get(0);
        assertThat(call.header("Content-Type")).isEqualToIgnoringCase(JSON_UTF8);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(call.json().path("channel").asString()).isEqualTo(CHANNEL);
        assertThat(call.json().path("text").asString()).isEqualTo("Post published");
        assertThat(call.json().has("token")).isFalse();
        assertThat(slack.message(posted.channel(), posted.ts()).blocks()).isEqualTo(json(message.blocks()));
    }

    @Test
    void postMessageToAMemberLandsInTheirDirectMessageAndChannelRefusalsArePermanent() {
        assertThat(api.postMessage(BOT_TOKEN, FakeSlackApi.MEMBER_ID, "Hello", null).channel()).isEqualTo("D0FAKEANA1");
        assertThat(slack.calls("chat.postMessage").get(0).json().has("blocks")).isFalse();
        assertRefused(() -> api.postMessage(BOT_TOKEN, "C0NOSUCH00", "Hi", null), "channel_not_found", true);
        assertRefused(() -> api.postMessage(BOT_TOKEN, FakeSlackApi.OUTSIDE_CHANNEL, "Hi", null), "not_in_channel",
                true);
        assertRefused(() -> api.postMessage(BOT_TOKEN, CHANNEL, " ", List.of()), "no_text", true);
    }

    @Test
    void updateReplacesThePostedMessageFoundByChannelAndTs() {
        Message request = SlackBlocks.approvalRequest(FACTS, "apr_42:v3:legal");
        Posted posted = api.postMessage(BOT_TOKEN, CHANNEL, request.text(), request.blocks());
        Message decided = SlackBlocks.approvalDecided(FACTS, "Approved by Ana Lima · 14:05");

        assertThat(api.update(BOT_TOKEN, posted.channel(), posted.ts(), decided.text(), decided.blocks()))
                .isEqualTo(posted);
        Call call = slack.calls("chat.update").get(0);
        assertThat(call.header("Content-Type")).isEqualToIgnoringCase(JSON_UTF8);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(slack.message(posted.channel(), posted.ts())).isEqualTo(new FakeSlackApi.Message(CHANNEL,
                posted.ts(), "Approved by Ana Lima · 14:05", json(decided.blocks()), true, null));
        assertRefused(() -> api.update(BOT_TOKEN, CHANNEL, "1600000000.000001", "x", null), "message_not_found",
                true);
    }

    @Test
    void lookupByEmailSendsAFormAndReadsTheMember() {
        assertThat(api.lookupByEmail(BOT_TOKEN, "Ana@Example.com")).isEqualTo(new SlackWebApi.SlackUser(
                FakeSlackApi.MEMBER_ID, "ana", "Ana Lima", "ana@example.com"));
        Call call = slack.calls("users.lookupByEmail").get(0);
        assertThat(call.header("Content-Type")).isEqualTo(FORM);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(call.form()).isEqualTo(Map.of("email", "Ana@Example.com"));
        assertRefused(() -> api.lookupByEmail(BOT_TOKEN, "nobody@example.com"), "users_not_found", true);
    }

    @Test
    void a429IsRetryableAfterTheDelaySlackAskedForAndErrorCodesAreSorted() {
        slack.throttle("chat.postMessage", 1, 7);
        SlackApiException limited = refusal(() -> api.postMessage(BOT_TOKEN, CHANNEL, "Hi", null));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertRefused(() -> { throw limited; }, "ratelimited", false);
        assertThat(api.postMessage(BOT_TOKEN, CHANNEL, "Hi", null).ts()).isNotBlank();
        for (String code : List.of("invalid_auth", "token_revoked", "account_inactive", "channel_not_found",
                "not_in_channel", "users_not_found", "message_not_found", "cant_update_message")) {
            assertThat(SlackApiException.refused("chat.update", code, 200).permanent()).as(code).isTrue();
        }
        for (String code : List.of("ratelimited", "internal_error", "fatal_error", "service_unavailable",
                "request_timeout")) {
            assertThat(SlackApiException.refused("chat.update", code, 200).permanent()).as(code).isFalse();
        }
    }

    @Test
    void anUnreachableSlackIsRetryable() {
        URI base = slack.apiBase();
        slack.close();

        SlackWebApi down = new SlackWebApi(base, Duration.ofSeconds(2));
        assertThat(refusal(() -> down.authTest(BOT_TOKEN))).extracting(SlackApiException::error,
                SlackApiException::permanent, SlackApiException::status).containsExactly("unreachable", false, 0);
    }

    @Test
    void incomingWebhookAnswersOkOrAnErrorText() {
        Message message = SlackBlocks.notification("Weekly report", "Clicks up 12%", null, LINK);
        api.postToIncomingWebhook(slack.incomingWebhook(), message.text(), message.blocks());

        Call call = slack.calls("incoming-webhook").get(0);
        assertThat(call.header("Content-Type")).isEqualToIgnoringCase(JSON_UTF8);
        assertThat(call.header("Authorization")).isNull();
        assertThat(call.json()).isEqualTo(json(Map.of("text", "Weekly report", "blocks", message.blocks())));
        assertThat(refusal(() -> api.postToIncomingWebhook(slack.incomingWebhook(), " ", null))).extracting(
                SlackApiException::error, SlackApiException::permanent, SlackApiException::status)
                .containsExactly("no_text", true, 400);
        URI removed = URI.create(slack.incomingWebhook().toString().replace("fakeWebhookSecret", "removed"));
        assertThat(refusal(() -> api.postToIncomingWebhook(removed, "Hi", null)))
                .hasMessage("Slack incoming-webhook failed: no_service (HTTP 404)");
        slack.throttle("incoming-webhook", 1, 3);
        SlackApiException limited = refusal(() -> api.postToIncomingWebhook(slack.incomingWebhook(), "Hi", null));
        assertThat(limited.permanent()).isFalse();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void approvalRequestHasTheFactsAndThreeConfirmedButtonsCarryingTheValue() {
        Message message = SlackBlocks.approvalRequest(FACTS, "apr_42:v3:legal");
        api.postMessage(BOT_TOKEN, CHANNEL, message.text(), message.blocks());
        JsonNode blocks = slack.calls("chat.postMessage").get(0).json().path("blocks");

        assertThat(message.text()).isEqualTo("Approval requested: Spring launch &amp; &lt;hero&gt; image (version v3)");
        assertThat(blocks.findValuesAsString("type").subList(0, 3)).containsExactly("header", "plain_text", "section");
        JsonNode section = blocks.get(1);
        assertThat(section.path("fields").findValuesAsString("text")).containsExactly(
                "*What*\nSpring launch &amp; &lt;hero&gt; image", "*Version*\nv3", "*Due*\nFri 14 Mar, 17:00",
                "*Requested by*\nAna Lima");
        assertThat(section.path("fields").findValuesAsString("type")).containsOnly("mrkdwn");
        assertThat(section.path("accessory")).isEqualTo(json(Map.of("type", "button", "action_id",
                "flightdeck.open", "url", LINK.toString(), "text", Text.plain("Open in Flightdeck"))));
        JsonNode actions = blocks.get(2);
        assertThat(actions.path("elements").findValuesAsString("action_id")).containsExactly("approval.approve",
                "approval.request_changes", "approval.reject");
        assertThat(actions.path("elements").findValuesAsString("value")).containsOnly("apr_42:v3:legal");
        assertThat(actions.path("elements").findValuesAsString("style")).containsExactly("primary", "primary",
                "danger", "danger"); // button styles and their confirm dialogs’; Request changes has neither
        for (JsonNode button : actions.path("elements")) {
            assertThat(button.path("type").asString()).isEqualTo("button");
            assertThat(button.has("url")).isFalse();
            for (String part : List.of("title", "text", "confirm", "deny")) {
                assertThat(button.path("confirm").path(part).path("type").asString()).isEqualTo("plain_text");
                assertThat(button.path("confirm").path(part).path("text").asString()).isNotBlank();
            }
        }
        assertThat(actions.path("elements").get(2).path("confirm").path("text").path("text").asString())
                .isEqualTo("Reject Spring launch & <hero> image (version v3)? This ends the approval.");
    }

    @Test
    void decidedAndStaleApprovalsKeepTheFactsAndNeverOfferTheDecisionAgain() {
        JsonNode decided = json(SlackBlocks.approvalDecided(FACTS, "Rejected by <Ana> · 14:05").blocks());
        assertThat(decided.findValuesAsString("type")).doesNotContain("button", "actions");
        assertThat(decided.get(1).path("fields").size()).isEqualTo(4);
        assertThat(decided.get(2)).isEqualTo(json(Map.of("type", "context", "elements",
                List.of(Text.mrkdwn("Rejected by &lt;Ana&gt; · 14:05")))));

        JsonNode stale = json(SlackBlocks.staleVersion(FACTS, "v4").blocks());
        assertThat(stale.findValuesAsString("action_id")).containsExactly("flightdeck.open");
        assertThat(stale.findValuesAsString("url")).containsExactly(LINK.toString());
        assertThat(stale.get(2).path("text").path("text").asString())
                .isEqualTo("A newer version (v4) is waiting for approval; this request is out of date.");
    }

    @Test
    void aNotificationHasTheTitleBodyReasonAndOpenButton() {
        JsonNode blocks = json(SlackBlocks.notification("Task <due> & late", "Brief for *Spring*",
                "You are assigned to it", LINK).blocks());

        assertThat(blocks.get(0).path("text")).isEqualTo(json(Text.mrkdwn(
                "*Task &lt;due&gt; &amp; late*\nBrief for *Spring*")));
        assertThat(blocks.get(0).path("accessory").path("url").asString()).isEqualTo(LINK.toString());
        assertThat(blocks.get(1)).isEqualTo(json(Map.of("type", "context", "elements",
                List.of(Text.mrkdwn("You are assigned to it")))));
    }

    @Test
    void anApprovalRequestShowsWhatIsUnderReviewBeforeItsButtons() {
        Facts facts = new Facts("Email “Spring news”", "2", null, "Ana Lima", LINK,
                "Revision 2: “News for you” from Roastery <news@roastery.example> to List “Regulars”, 1 person now.");
        JsonNode blocks = json(SlackBlocks.approvalRequest(facts, "apr_42:v2").blocks());

        assertThat(blocks).extracting(block -> block.path("type").asString()).containsExactly("header", "section",
                "section", "actions");
        assertThat(blocks.get(2).path("text").path("text").asString()).isEqualTo("Revision 2: “News for you” from "
                + "Roastery &lt;news@roastery.example&gt; to List “Regulars”, 1 person now.");
        assertThat(blocks.get(3).path("elements").findValuesAsString("action_id")).containsExactly("approval.approve",
                "approval.request_changes", "approval.reject");
    }

    @Test
    void longTextIsCutToBlockKitLimitsWithAnEllipsis() {
        String longText = "x".repeat(5000);
        Facts facts = new Facts(longText, longText, longText, longText, LINK, null);
        JsonNode blocks = json(SlackBlocks.approvalRequest(facts, "v".repeat(3000)).blocks());

        assertThat(blocks.get(0).path("text").path("text").asString()).hasSize(150).endsWith("…");
        assertThat(blocks.get(1).path("fields").findValuesAsString("text"))
                .allSatisfy(text -> assertThat(text).hasSize(2000).endsWith("…"));
        for (JsonNode button : blocks.get(2).path("elements")) {
            assertThat(button.path("value").asString()).hasSize(2000).endsWith("…");
            assertThat(button.path("confirm").path("text").path("text").asString()).hasSize(300).endsWith("…");
        }
        JsonNode note = json(SlackBlocks.notification(longText, longText, longText, LINK).blocks());
        assertThat(note.get(0).path("text").path("text").asString()).hasSize(3000).endsWith("…");
        assertThat(new SlackBlocks.Section(null, IntStream.range(0, 12).mapToObj(i -> Text.mrkdwn("f" + i))
                .toList(), null).fields()).hasSize(10);
        assertThat(new SlackBlocks.Button(Text.plain("b".repeat(100)), "a", null, null, null, null).text().text())
                .hasSize(75).endsWith("…");
    }

    @Test
    void escapingAndCuttingNeverLeaveHalfAnEntity() {
        assertThat(SlackBlocks.escape("<!channel> & <@U123>")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt;");
        assertThat(SlackBlocks.cut("abcd&amp;efgh", 8, true)).isEqualTo("abcd…");
        assertThat(SlackBlocks.cut("abcd&amp;efgh", 11, true)).isEqualTo("abcd&amp;e…");
        assertThat(SlackBlocks.cut("Tom & Jerry forever", 8, false)).isEqualTo("Tom & J…");
        assertThat(SlackBlocks.cut("ab😀cd", 4, false)).isEqualTo("ab…");
    }

    private static SlackApiException refusal(ThrowingCallable call) {
        return catchThrowableOfType(SlackApiException.class, call);
    }

    private static void assertRefused(ThrowingCallable call, String error, boolean permanent) {
        assertThat(refusal(call)).extracting(SlackApiException::error, SlackApiException::permanent)
                .containsExactly(error, permanent);
    }

    private static JsonNode json(Object value) {
        return OutboundClient.jsonMapper().valueToTree(value);
    }
}
