package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Slack's and Meta's HMAC headers. Slack's case is the worked example on its page Verifying requests from Slack;
 * Meta publishes none, so its vector was computed apart with {@code openssl dgst -sha256 -hmac}, and GitHub's
 * published example (the same header and construction) is checked too.
 */
class HmacHeaderSchemeTests {

    // Slack's worked example: signing secret, timestamp, slash-command body and the signature Slack shows for them
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SLACK_TIMESTAMP = "1531420618";
    static final byte[] SLACK_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    // printf '%s' "$META_BODY" | openssl dgst -sha256 -hmac meta-app-secret
    static final byte[] META_BODY = ("{\"object\":\"page\",\"entry\":[{\"id\":\"0\",\"time\":1700000000,\"changes\":"
            + "[{\"field\":\"feed\",\"value\":{\"item\":\"post\",\"verb\":\"add\"}}]}]}").getBytes(StandardCharsets.UTF_8);
    static final String META_SIGNATURE = "sha256=5a47818455fb579d8dc2078b25c753119ac37469a2e9df089546f49d540ea483";

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static WebhookRequest slack(String timestamp, String signature, byte[] body) {
        return WebhookRequest.of(Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature), body);
    }

    private static WebhookRequest meta(String signature, byte[] body) {
        return WebhookRequest.of(Map.of("X-Hub-Signature-256", signature), body);
    }

    @Test
    void slacksWorkedExampleVerifiesWithinItsFiveMinutes() {
        Instant sent = Instant.ofEpochSecond(Long.parseLong(SLACK_TIMESTAMP));
        HmacHeaderScheme scheme = HmacHeaderScheme.slack(List.of(SLACK_SECRET), at(sent.plus(Duration.ofMinutes(4))));
        assertThat(scheme.sign(SLACK_TIMESTAMP, SLACK_BODY)).isEqualTo(SLACK_SIGNATURE);
        assertThatCode(() -> scheme.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY))).doesNotThrowAnyException();

        HmacHeaderScheme later = HmacHeaderScheme.slack(List.of(SLACK_SECRET), at(sent.plus(Duration.ofMinutes(6))));
        assertThatThrownBy(() -> later.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("timestamp");
    }

    @Test
    void slackRefusesATamperedBodyAMovedTimestampAWrongSecretAndMissingHeaders() {
        Instant sent = Instant.ofEpochSecond(Long.parseLong(SLACK_TIMESTAMP));
        HmacHeaderScheme scheme = HmacHeaderScheme.slack(List.of(SLACK_SECRET), at(sent));
        byte[] tampered = new String(SLACK_BODY, StandardCharsets.UTF_8).replace("text=", "text=rm")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scheme.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE, tampered)))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("No signature matches the delivery");
        assertThatThrownBy(() -> scheme.verify(slack("1531420619", SLACK_SIGNATURE, SLACK_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        HmacHeaderScheme wrongSecret = HmacHeaderScheme.slack(List.of("another-signing-secret"), at(sent));
        assertThatThrownBy(() -> wrongSecret.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE.replace("v0=", "v1="), SLACK_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(WebhookRequest.of(Map.of("X-Slack-Signature", SLACK_SIGNATURE), SLACK_BODY)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("required");

        // a secret being rotated: the old and the new one both verify
        HmacHeaderScheme rotating = HmacHeaderScheme.slack(List.of("the-new-signing-secret", SLACK_SECRET), at(sent));
        assertThatCode(() -> rotating.verify(slack(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY))).doesNotThrowAnyException();
    }

    @Test
    void metaSignsTheBodyWithTheAppSecret() {
        HmacHeaderScheme scheme = HmacHeaderScheme.meta(List.of("meta-app-secret"));
        assertThat(scheme.sign(null, META_BODY)).isEqualTo(META_SIGNATURE);
        assertThatCode(() -> scheme.verify(meta(META_SIGNATURE, META_BODY))).doesNotThrowAnyException();
        assertThatCode(() -> scheme.verify(meta(META_SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), META_BODY)))
                .as("hex digits in either case").doesNotThrowAnyException();

        byte[] reserialised = ("{\"object\": \"page\", \"entry\": [{\"id\": \"0\", \"time\": 1700000000, \"changes\": "
                + "[{\"field\": \"feed\", \"value\": {\"item\": \"post\", \"verb\": \"add\"}}]}]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scheme.verify(meta(META_SIGNATURE, reserialised)))
                .as("the same JSON written differently is not what was signed").isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> HmacHeaderScheme.meta(List.of("another-app-secret")).verify(meta(META_SIGNATURE, META_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(meta(META_SIGNATURE.substring("sha256=".length()), META_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(WebhookRequest.of(Map.of(), META_BODY)))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("The X-Hub-Signature-256 header is required");
    }

    @Test
    void githubsPublishedExampleOfTheSameHeaderVerifies() {
        HmacHeaderScheme scheme = HmacHeaderScheme.meta(List.of("It's a Secret to Everybody"));
        assertThatCode(() -> scheme.verify(meta("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                "Hello, World!".getBytes(StandardCharsets.UTF_8)))).doesNotThrowAnyException();
    }
}
