package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outgoing webhooks' rules, checked by hand: the Standard Webhooks retry schedule with one webhook-id, a replay,
 * the five days an endpoint may fail before it is disabled, the overlap of two secrets after a rotation, and the
 * addresses and event types an endpoint accepts.
 */
class WebhookLedgerTests {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aFailingMessageIsTriedEightTimesOnTheStandardScheduleWithOneIdThenStops() {
        WebhookMessage m = new WebhookMessage(UUID.randomUUID(), "post.published", "post-published:1", "{}", T0);
        String id = m.messageId();
        assertThat(id).startsWith("msg_").hasSize(36);
        Instant now = T0;
        Duration[] pauses = {Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)};
        for (Duration pause : pauses) {
            m.sending(now);
            Instant next = m.failed(503, "Webhook endpoint answered 503", now);
            assertThat(next).isEqualTo(now.plus(pause));
            assertThat(m.status()).isEqualTo(DeliveryStatus.FAILED);
            now = next;
        }
        m.sending(now);
        assertThat(m.failed(503, "Webhook endpoint answered 503", now)).isNull();
        assertThat(m.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(m.view().attempts()).isEqualTo(8);
        assertThat(m.view().lastStatus()).isEqualTo(503);
        assertThat(m.messageId()).isEqualTo(id);
        assertThat(m.view().possibleDuplicate()).isFalse();

        m.replay(now.plusSeconds(1));
        assertThat(m.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(m.messageId()).as("a replay is the same message").isEqualTo(id);
        Instant later = now.plusSeconds(2);
        assertThatThrownBy(() -> m.replay(later)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot replay a webhook message that is queued. No move is allowed now.");
        assertThatThrownBy(() -> m.sent(204, later)).as("a message not being tried records no answer")
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void anAttemptCutOffByACrashMakesTheNextOneAPossibleDuplicate() {
        WebhookMessage m = new WebhookMessage(UUID.randomUUID(), "task.assigned", "task-assigned:1", "{}", T0);
        m.sending(T0);
        m.sending(T0.plusSeconds(60)); // the node died between SENDING and the answer
        m.sent(204, T0.plusSeconds(61));
        assertThat(m.view().possibleDuplicate()).isTrue();
        assertThat(m.view().attempts()).isEqualTo(2);
        assertThat(m.open()).isFalse();
    }

    @Test
    void anEndpointFailingFiveDaysWithoutASuccessIsDisabledAndASuccessResetsTheCount() {
        WebhookEndpoint e = new WebhookEndpoint("https://example.com/h", null, Set.of("*"), WebhookFormat.STANDARD, "secret",
                UUID.randomUUID(), T0);
        assertThat(e.failed(T0)).isFalse();
        assertThat(e.failed(T0.plus(Duration.ofDays(4)))).isFalse();
        e.succeeded(T0.plus(Duration.ofDays(4).plusHours(1)));
        assertThat(e.failed(T0.plus(Duration.ofDays(5)))).as("the count began again after the success").isFalse();
        assertThat(e.failed(T0.plus(Duration.ofDays(9).plusHours(23)))).isFalse();
        assertThat(e.failed(T0.plus(Duration.ofDays(10)))).isTrue();
        assertThat(e.enabled()).isFalse();
        assertThat(e.view().disabledReason()).contains("five days");
        assertThat(e.takes("post.published")).isFalse();
        e.enable(T0.plus(Duration.ofDays(11)));
        assertThat(e.takes("post.published")).isTrue();
        assertThat(e.view().failingSince()).isNull();
    }

    @Test
    void afterARotationBothSecretsSignForADayThenOnlyTheNewOne() {
        WebhookEndpoint e = new WebhookEndpoint("https://example.com/h", "Warehouse", Set.of("post.published"), WebhookFormat.STANDARD, "old",
                UUID.randomUUID(), T0);
        assertThat(e.signingSecrets(T0)).containsExactly("old");
        e.rotate("new", T0);
        assertThat(e.signingSecrets(T0.plus(Duration.ofHours(23)))).containsExactly("new", "old");
        assertThat(e.signingSecrets(T0.plus(Duration.ofDays(1)))).containsExactly("new");
        assertThat(e.takes("post.published")).isTrue();
        assertThat(e.takes("task.assigned")).isFalse();
    }

    @Test
    void addressesAndTypesAreCheckedWithReasons() {
        assertThat(WebhookEndpoints.checkedUrl(" https://example.com/hooks ")).isEqualTo("https://example.com/hooks");
        for (String bad : new String[] {null, "", "example.com/hooks", "ftp://example.com", "https://user:pw@example.com/",
                "https://" + "a".repeat(2000) + ".com"}) {
            assertThatThrownBy(() -> WebhookEndpoints.checkedUrl(bad)).isInstanceOf(InvalidInputException.class)
                    .extracting(x -> ((InvalidInputException) x).field()).isEqualTo("url");
        }
        assertThat(WebhookEndpoints.checkedTypes(List.of("post.published", "post.published"))).containsExactly("post.published");
        assertThat(WebhookEventTypes.all()).contains("task.assigned", "approval.decided", "webhook.test")
                .doesNotContain("test.send", "webhook.disabled");
        assertThatThrownBy(() -> WebhookEndpoints.checkedTypes(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookEndpoints.checkedTypes(java.util.Arrays.asList("post.published", null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookEndpoints.checkedTypes(List.of("post.exploded")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("post.exploded");
    }
}
