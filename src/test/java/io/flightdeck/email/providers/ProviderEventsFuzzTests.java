package io.flightdeck.email.providers;

import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any body as a verified Mailjet or SendGrid event post: read into events or refused with an
 * {@link InvalidInputException} (400, so the provider sees the post was not taken), never another exception; every
 * event read has a kind, a time and a key to apply it once by.
 */
class ProviderEventsFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"event", "time", "timestamp", "email", "MessageID", "mj_message_id", "Message_GUID",
            "CustomID", "url", "hard_bounce", "sg_event_id", "sg_message_id", "type", "sent", "open", "click", "bounce",
            "blocked", "spam", "unsub", "delivered", "deferred", "dropped", "spamreport", "unsubscribe", "1764298800", "99999999999999999999", "true", "null", "[", "]", "{", "}", ":", ","})
    void anyBodyIsReadIntoEventsOrRefused(byte[] body) {
        read(() -> MailjetEvents.parse(body));
        read(() -> SendGridEvents.parse(body));
    }

    private static void read(java.util.function.Supplier<List<ProviderEvent>> parse) {
        List<ProviderEvent> events;
        try {
            events = parse.get();
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(events).allSatisfy(event -> {
            assertThat(event.kind()).isNotNull();
            assertThat(event.at()).isNotNull();
            assertThat(event.dedupKey()).isNotBlank();
        });
    }
}
