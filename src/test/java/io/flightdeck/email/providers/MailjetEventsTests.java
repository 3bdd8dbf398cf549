package io.flightdeck.email.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.providers.ProviderEvent.Kind;
import io.flightdeck.email.providers.ProviderEvent.Provider;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.webhooks.BasicAuthScheme;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;
import org.junit.jupiter.api.Test;

/**
 * Mailjet's Event API posts, in the shapes of mailjet/api-documentation guides/_event-api.md (commit 3a446e64): the
 * fields every event has, and those of sent, open, click, bounce, blocked, spam and unsub. The values are this test's.
 */
class MailjetEventsTests {

    static final String COMMON = "\"MessageID\":288230376151711745,\"Message_GUID\":\"7d0c9f4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f\","
            + "\"email\":\"ana@example.com\",\"mj_campaign_id\":7257,\"mj_contact_id\":4,\"customcampaign\":\"\","
            + "\"CustomID\":\"led-1\",\"Payload\":\"\"";
    static final String EVENTS = "["
            + "{\"event\":\"sent\",\"time\":1764298800," + COMMON + ",\"mj_message_id\":\"288230376151711745\","
            + "\"smtp_reply\":\"sent (250 2.0.0 OK)\"},"
            + "{\"event\":\"open\",\"time\":1764298860," + COMMON + ",\"ip\":\"192.0.2.10\",\"geo\":\"PT\","
            + "\"agent\":\"Mozilla/5.0 (X11; Linux x86_64)\"},"
            + "{\"event\":\"click\",\"time\":1764298900," + COMMON + ",\"url\":\"https://flightdeck.example.com/spring\","
            + "\"ip\":\"192.0.2.10\",\"geo\":\"PT\",\"agent\":\"Mozilla/5.0 (X11; Linux x86_64)\"},"
            + "{\"event\":\"bounce\",\"time\":1764298801," + COMMON + ",\"blocked\":false,\"hard_bounce\":true,"
            + "\"error_related_to\":\"recipient\",\"error\":\"user unknown\",\"comment\":\"550 5.1.1 no such user\"},"
            + "{\"event\":\"bounce\",\"time\":1764298802," + COMMON + ",\"blocked\":false,\"hard_bounce\":false,"
            + "\"error_related_to\":\"recipient\",\"error\":\"quota exceeded\"},"
            + "{\"event\":\"spam\",\"time\":1764299000," + COMMON + ",\"source\":\"JMRPP\"},"
            + "{\"event\":\"blocked\",\"time\":1764298803," + COMMON + ",\"error_related_to\":\"mailjet\","
            + "\"error\":\"preblocked\"},"
            + "{\"event\":\"unsub\",\"time\":1764299100," + COMMON + ",\"mj_list_id\":1,\"ip\":\"192.0.2.10\","
            + "\"geo\":\"PT\",\"agent\":\"Mozilla/5.0\"},"
            + "{\"event\":\"sms_delivered\",\"time\":1764299200," + COMMON + "}"
            + "]";

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyDocumentedEventHasItsKindAndAnUnknownOneIsSkipped() {
        List<ProviderEvent> events = MailjetEvents.parse(bytes(EVENTS));

        assertThat(events).extracting(ProviderEvent::kind).containsExactly(Kind.DELIVERED, Kind.OPENED, Kind.CLICKED,
                Kind.BOUNCED_HARD, Kind.BOUNCED_SOFT, Kind.COMPLAINED, Kind.DROPPED, Kind.UNSUBSCRIBED);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.provider()).isEqualTo(Provider.MAILJET);
            assertThat(event.ledgerKey()).isEqualTo("led-1");
            assertThat(event.providerMessageId()).isEqualTo("288230376151711745");
            assertThat(event.email()).isEqualTo("ana@example.com");
        });
        ProviderEvent click = events.get(2);
        assertThat(click.at()).isEqualTo(Instant.ofEpochSecond(1764298900));
        assertThat(click.url()).isEqualTo("https://flightdeck.example.com/spring");
        assertThat(click.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(click.ip()).isEqualTo("192.0.2.10");
        assertThat(events.get(0).url()).isNull();
        assertThat(click.toString()).doesNotContain("ana@example.com", "192.0.2.10", "Mozilla");
    }

    @Test
    void theDedupKeyIsTheSameForAResentEventAndDiffersForAnotherOne() {
        List<ProviderEvent> first = MailjetEvents.parse(bytes(EVENTS));
        List<ProviderEvent> resent = MailjetEvents.parse(bytes(EVENTS));

        assertThat(resent).extracting(ProviderEvent::dedupKey)
                .containsExactlyElementsOf(first.stream().map(ProviderEvent::dedupKey).toList());
        assertThat(first).extracting(ProviderEvent::dedupKey).doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[0-9a-f]{64}"));
        String otherLink = EVENTS.replace("https://flightdeck.example.com/spring", "https://flightdeck.example.com/x");
        assertThat(MailjetEvents.parse(bytes(otherLink)).get(2).dedupKey()).isNotEqualTo(first.get(2).dedupKey());
        assertThat(MailjetEvents.parse(bytes(EVENTS.replace("1764298900", "1764298901")))
                .get(2).dedupKey()).isNotEqualTo(first.get(2).dedupKey());
    }

    @Test
    void oneEventObjectAsTheUngroupedModePostsIsReadToo() {
        List<ProviderEvent> events = MailjetEvents.parse(bytes("{\"event\":\"open\",\"time\":\"1764298860\","
                + "\"MessageID\":0,\"mj_message_id\":\"19421777396190490\",\"email\":\"bo@example.org\","
                + "\"CustomID\":\"\",\"ip\":\"2001:db8::1\",\"agent\":\"Thunderbird\"}"));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Kind.OPENED);
            assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1764298860));
            assertThat(event.providerMessageId()).isEqualTo("19421777396190490");
            assertThat(event.ledgerKey()).as("an empty CustomID is none").isNull();
            assertThat(event.ip()).isEqualTo("2001:db8::1");
        });
        assertThat(MailjetEvents.parse(bytes("[]"))).isEmpty();
    }

    @Test
    void aMalformedBodyIsInvalidInputThatNamesThePlaceButQuotesNoValue() {
        assertThat(invalid("not json")).hasMessageContaining("not JSON").extracting(InvalidInputException::field)
                .isEqualTo("body");
        assertThat(invalid("42").field()).isEqualTo("body");
        assertThat(invalid("[{\"event\":\"open\",\"time\":1},\"open\"]").field()).isEqualTo("events[1]");
        InvalidInputException noTime = invalid("[{\"event\":\"sent\",\"time\":1}," + "{\"event\":\"click\","
                + "\"email\":\"ana@example.com\",\"time\":\"yesterday\"}]");
        assertThat(noTime.field()).isEqualTo("events[1].time");
        assertThat(noTime).hasMessageNotContaining("ana@example.com").hasMessageNotContaining("yesterday");
        assertThat(MailjetEvents.parse(bytes("[{\"event\":\"something_new\"}]"))).as("unknown, so not read").isEmpty();
        assertThatThrownBy(() -> MailjetEvents.parse(new byte[0])).isInstanceOf(InvalidInputException.class);
    }

    private static InvalidInputException invalid(String body) {
        return catchThrowableOfType(InvalidInputException.class, () -> MailjetEvents.parse(bytes(body)));
    }

    @Test
    void aPostIsTakenOnlyWithTheCredentialsOfTheCallbackAddressThroughTheWebhookKit() {
        // the callback address Flightdeck gives Mailjet: https://mailjet:s3cret@flightdeck.example.com/hooks/mailjet
        BasicAuthScheme scheme = new BasicAuthScheme(List.of("mailjet:s3cret-in-the-callback-address"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "mailjet:s3cret-in-the-callback-address".getBytes(StandardCharsets.UTF_8));
        WebhookRequest post = WebhookRequest.of(Map.of("Authorization", basic, "Content-Type", "application/json"),
                bytes(EVENTS));

        scheme.verify(post);
        assertThat(MailjetEvents.parse(post.body())).hasSize(8);
        WebhookRequest forged = WebhookRequest.of(Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("mailjet:guess".getBytes(StandardCharsets.UTF_8))), bytes(EVENTS));
        assertThatThrownBy(() -> scheme.verify(forged)).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(WebhookRequest.of(Map.of(), bytes(EVENTS))))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
