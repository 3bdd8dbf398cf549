package io.flightdeck.email;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.email.providers.FakeMailjet;
import io.flightdeck.email.providers.FakeSendGrid;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaign email through each provider's fake, end to end: Mailjet in calls of at most 50 messages, SendGrid one a
 * call, each message carrying only its ledger key (no address or name) as CustomID or custom argument, and each row
 * sent with the provider's id for its message. A Mailjet call whose answer was lost leaves its rows unconfirmed; they
 * are looked up by their key before the send goes on, so found messages are never sent again and missing ones are.
 */
@FlightdeckTest
class EmailProviderSendingTests extends ProviderTestSupport {

    @Test
    void mailjetSendsInCallsOfAtMostFiftyWithOnlyTheLedgerKeyAsCustomId() {
        Member owner = mailjetWorkspace("Mailjet sender");
        String[] addresses = new String[55];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = "mj" + i + "-" + System.nanoTime() + "@fifty.example";
        }
        int callsBefore = MAILJET.calls().size();
        String email = sent(owner, addresses);

        List<FakeMailjet.Call> calls = MAILJET.calls().subList(callsBefore, MAILJET.calls().size()).stream()
                .filter(c -> c.path().equals("/v3.1/send")).toList();
        assertThat(calls).allSatisfy(c -> assertThat(c.json().path("Messages").size()).isBetween(1, 50));
        assertThat(calls.stream().mapToInt(c -> c.json().path("Messages").size()).sum()).isEqualTo(55);
        List<Map<String, Object>> rows = recipients(owner, email);
        assertThat(rows).hasSize(55).allSatisfy(r -> {
            assertThat(r.get("state")).isEqualTo("SENT");
            assertThat((String) r.get("providerId")).matches("\\d+");
        });
        Set<String> rowIds = rows.stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
        Map<String, String> providerIds = rows.stream().collect(Collectors.toMap(r -> (String) r.get("id"),
                r -> (String) r.get("providerId")));
        for (FakeMailjet.Sent sent : MAILJET.sent()) {
            String key = sent.message().path("CustomID").asString();
            if (rowIds.contains(key)) {
                assertThat(providerIds.get(key)).isEqualTo(sent.messageId());
                assertThat(key).doesNotContain("@");
                // this installation's base URL is http: the unsubscribe link goes, one-click (RFC 8058, https only) not
                assertThat(sent.message().path("Headers").path("List-Unsubscribe").asString()).startsWith("<http://");
                assertThat(sent.message().path("Headers").has("List-Unsubscribe-Post")).isFalse();
                assertThat(sent.message().path("From").path("Name").asString()).isEqualTo("Provider Co");
                assertThat(sent.message().path("ReplyTo").path("Email").asString()).isEqualTo(REPLY_TO);
            }
        }
        MvcMetrics metrics = metrics(owner, email);
        assertThat(metrics.reached()).isEqualTo(55);
    }

    @Test
    void sendGridSendsOneMessageACallWithTheLedgerKeyAsItsOnlyCustomArgument() throws Exception {
        Member owner = sendGridWorkspace("SendGrid sender", EmailProviderEventsTests.keyPair().publicKey());
        String ana = "ana-" + System.nanoTime() + "@grid.example";
        String bo = "bo-" + System.nanoTime() + "@grid.example";
        String email = sent(owner, ana, bo);

        for (String address : List.of(ana, bo)) {
            Map<String, Object> row = row(owner, email, address);
            assertThat(row.get("state")).isEqualTo("SENT");
            List<FakeSendGrid.Accepted> mine = SENDGRID.accepted().stream().filter(a -> a.mail().path("personalizations")
                    .path(0).path("to").path(0).path("email").asString().equals(address)).toList();
            assertThat(mine).as("one call for %s", address).hasSize(1);
            JsonNode personalization = mine.get(0).mail().path("personalizations").path(0);
            assertThat(personalization.path("custom_args").size()).isEqualTo(1);
            assertThat(personalization.path("custom_args").path("flightdeck_ledger_key").asString())
                    .isEqualTo(row.get("id"));
            assertThat(row.get("providerId")).isEqualTo(mine.get(0).messageId());
            assertThat(mine.get(0).mail().path("reply_to").path("email").asString()).isEqualTo(REPLY_TO);
        }
    }

    @Test
    void mailjetRowsWhoseAnswerWasLostAreLookedUpAndNeverSentTwice() {
        Member owner = mailjetWorkspace("Mailjet lost answer");
        String ana = "ana-" + System.nanoTime() + "@lost.example";
        String bo = "bo-" + System.nanoTime() + "@lost.example";
        MAILJET.loseNextAnswer();
        String email = sent(owner, ana, bo);

        for (String address : List.of(ana, bo)) {
            Map<String, Object> row = row(owner, email, address);
            assertThat(row.get("state")).isEqualTo("SENT");
            List<FakeMailjet.Sent> sent = sentTo(address);
            assertThat(sent).as("messages to %s", address).hasSize(1);
            assertThat(row.get("providerId")).isEqualTo(sent.get(0).messageId());
            assertThat((Integer) row.get("attempts")).isEqualTo(1);
        }
        assertThat(MAILJET.calls()).anySatisfy(c -> assertThat(c.path()).isEqualTo("/v3/REST/message"));
    }

    @Test
    void mailjetRowsProvablyNotThereAreSentAgainOnce() {
        Member owner = mailjetWorkspace("Mailjet not there");
        String ana = "ana-" + System.nanoTime() + "@missing.example";
        // the answer breaks off and nothing was sent
        MAILJET.answerNext(200, "{\"Messages\": [");
        String email = sent(owner, ana);

        Map<String, Object> row = row(owner, email, ana);
        assertThat(row.get("state")).isEqualTo("SENT");
        assertThat(sentTo(ana)).hasSize(1);
        assertThat((Integer) row.get("attempts")).isEqualTo(2);
    }

    @Test
    void aProviderThatAsksToWaitIsTriedAgainAndARefusedKeyFailsTheRecipientsWithItsWords() {
        Member owner = mailjetWorkspace("Mailjet throttled");
        String ana = "ana-" + System.nanoTime() + "@slow.example";
        MAILJET.throttle(1, 1);
        String email = sent(owner, ana);
        assertThat(row(owner, email, ana).get("state")).isEqualTo("SENT");
        assertThat((Integer) row(owner, email, ana).get("attempts")).isEqualTo(2);

        Member other = workspaces.withoutApprovals("SendGrid wrong key");
        assertThat(api.as(other).put("/api/v1/email/delivery-settings", Map.of("provider", "SENDGRID",
                "sendgridApiKey", "SG.wrong"))).hasStatusOk();
        String bo = "bo-" + System.nanoTime() + "@refused.example";
        String refused = sent(other, bo);
        Map<String, Object> row = row(other, refused, bo);
        assertThat(row.get("state")).isEqualTo("FAILED");
        assertThat((String) row.get("error")).contains("SendGrid").contains("API key");
        assertThat((Boolean) row.get("permanent")).as("Send to the rest queues it again once the key is fixed")
                .isFalse();
    }

    private static List<FakeMailjet.Sent> sentTo(String address) {
        return MAILJET.sent().stream().filter(s -> s.message().path("To").path(0).path("Email").asString()
                .equals(address)).toList();
    }

    record MvcMetrics(int reached, int delivered, int bounced, int complained) {
    }

    MvcMetrics metrics(Member owner, String email) {
        var result = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        return new MvcMetrics(Json.read(result, "$.reached"), Json.read(result, "$.delivered"),
                Json.read(result, "$.bounced"), Json.read(result, "$.complained"));
    }
}
