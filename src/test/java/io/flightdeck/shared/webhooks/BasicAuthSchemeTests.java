package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mailjet's Event API calls an address with Basic credentials in it; those are what is checked. */
class BasicAuthSchemeTests {

    static final byte[] EVENT = "[{\"event\":\"open\",\"time\":1764298800,\"MessageID\":19421777835146490}]"
            .getBytes(StandardCharsets.UTF_8);

    private static WebhookRequest delivery(String authorization) {
        return WebhookRequest.of(Map.of("Authorization", authorization), EVENT);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConfiguredCredentialsPassAndAnyOthersDoNot() {
        BasicAuthScheme mailjet = new BasicAuthScheme(List.of("mailjet:s3cret-from-the-callback-url"));
        assertThatCode(() -> mailjet.verify(delivery(basic("mailjet:s3cret-from-the-callback-url"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> mailjet.verify(delivery("basic " + basic("mailjet:s3cret-from-the-callback-url").substring(6))))
                .as("the scheme name in any case").doesNotThrowAnyException();
        assertThatThrownBy(() -> mailjet.verify(delivery(basic("mailjet:s3cret-from-the-callback-ur"))))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("The credentials do not match");
        assertThatThrownBy(() -> mailjet.verify(delivery(basic("other:s3cret-from-the-callback-url"))))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> mailjet.verify(delivery("Bearer s3cret-from-the-callback-url")))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("Basic credentials are required");
        assertThatThrownBy(() -> mailjet.verify(delivery("Basic ***"))).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> mailjet.verify(WebhookRequest.of(Map.of(), EVENT))).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void whileTheAddressIsBeingChangedBothCredentialsPass() {
        BasicAuthScheme mailjet = new BasicAuthScheme(List.of("mailjet:new-password", "mailjet:old-password"));
        assertThatCode(() -> mailjet.verify(delivery(basic("mailjet:old-password")))).doesNotThrowAnyException();
        assertThatCode(() -> mailjet.verify(delivery(basic("mailjet:new-password")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new BasicAuthScheme(List.of("no-colon"))).isInstanceOf(IllegalArgumentException.class);
    }
}
