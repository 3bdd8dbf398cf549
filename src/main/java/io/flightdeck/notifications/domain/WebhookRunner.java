package io.flightdeck.notifications.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.notifications.slack.SlackChannelAddress;
import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import io.flightdeck.shared.webhooks.ReplayWindow;
import io.flightdeck.shared.webhooks.StandardWebhooksScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of one webhook message, in three steps: begin (committed as SENDING, with what to send), the POST
 * outside any transaction, and record (SENT on any 2xx; otherwise FAILED with the next attempt's time, or DEAD). The
 * endpoint keeps count: one that has failed for five days with no success is disabled, its open messages stop, and
 * its owner is told. A message whose endpoint is disabled or gone stops with that reason.
 * <p>
 * {@code flightdeck.notifications.webhook-hold-at} ({@code before-send}, {@code after-send}) holds a runner thread
 * for the crash test ({@link CrashHold}); never set in production.
 */
@Component
class WebhookRunner {

    static final Set<String> BOUNDARIES = Set.of("before-send", "after-send");

    private final WebhookMessageRepository messages;
    private final WebhookEndpointRepository endpoints;
    private final SecretCipher cipher;
    private final Notifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CrashHold hold;
    private final OutboundClient http;
    private final SlackConnections slack;
    private final SlackChannelPosts slackPosts;

    /**
     * {@code secrets} empty: a Slack incoming webhook, which takes a message and no signature. {@code slack} set: a
     * Slack channel, posted to by the installed app instead of an HTTP POST.
     */
    private record Attempt(String url, String messageId, byte[] body, List<String> secrets,
            SlackChannelPosts.Target slack) {
    }

    WebhookRunner(WebhookMessageRepository messages, WebhookEndpointRepository endpoints, SecretCipher cipher,
            Notifier notifier, SlackConnections slack, SlackChannelPosts slackPosts, TransactionTemplate tx, Clock clock,
            @Value("${flightdeck.notifications.webhook-hold-at:}") String holdAt,
            @Value("${flightdeck.notifications.webhook-timeout:15s}") Duration timeout) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.notifier = notifier;
        this.slack = slack;
        this.slackPosts = slackPosts;
        this.tx = tx;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.notifications.webhook-hold-at", holdAt, BOUNDARIES);
        // no redirects: a signed message goes where the endpoint says, or fails
        this.http = OutboundClient.to("Webhook endpoint").connectTimeout(Duration.ofSeconds(5)).readTimeout(timeout)
                .clock(clock).secretPaths().build(); // an address an admin pasted may carry its token in the path
    }

    /** Runs the message's attempt that is due; answers when the next one is, or empty when it is settled. */
    Optional<Instant> step(UUID messageId) {
        Attempt attempt = tx.execute(status -> begin(messageId));
        if (attempt == null) {
            return Optional.empty();
        }
        if (attempt.slack() != null) {
            return postToSlack(messageId, attempt);
        }
        hold.reached("before-send", "webhook message " + messageId);
        int answered;
        try {
            answered = post(attempt);
        } catch (OutboundException e) {
            Integer status = e.status() > 0 ? e.status() : null;
            return Optional.ofNullable(tx.execute(s -> failed(messageId, status, e.getMessage())));
        }
        hold.reached("after-send", "webhook message " + messageId);
        recordSent(messageId, answered);
        return Optional.empty();
    }

    /** The app's post to a Slack channel; Slack's refusals are failures like an endpoint's error answer. */
    private Optional<Instant> postToSlack(UUID messageId, Attempt attempt) {
        hold.reached("before-send", "webhook message " + messageId);
        SlackChannelPosts.Outcome outcome = slackPosts.post(attempt.slack(), attempt.messageId(),
                new String(attempt.body(), StandardCharsets.UTF_8));
        if (outcome.certain()) {
            tx.executeWithoutResult(status -> messages.findById(messageId).orElseThrow().notADuplicate());
        }
        if (outcome.refused() != null) {
            return Optional.ofNullable(tx.execute(s -> failed(messageId, null,
                    SlackChannelPosts.words(outcome.refused()))));
        }
        hold.reached("after-send", "webhook message " + messageId);
        recordSent(messageId, 200);
        return Optional.empty();
    }

    private void recordSent(UUID messageId, int answered) {
        tx.executeWithoutResult(status -> {
            WebhookMessage message = messages.findById(messageId).orElseThrow();
            message.sent(answered, clock.instant());
            endpoints.findById(message.endpointId()).ifPresent(e -> e.succeeded(clock.instant()));
        });
    }

    /**
     * The POST, and at once a second one if the first found its connection closed: the JDK client reuses a kept-alive
     * connection that the endpoint may have closed while it idled (Node closes them after 5 s), and does not retry a
     * POST itself. The second carries the same webhook-id, so a consumer that got both takes the event once.
     */
    private int post(Attempt attempt) {
        try {
            return postOnce(attempt);
        } catch (OutboundException e) {
            if (e.kind() != OutboundException.Kind.UNANSWERED) {
                throw e;
            }
            return postOnce(attempt);
        }
    }

    private int postOnce(Attempt attempt) {
        long seconds = clock.instant().getEpochSecond();
        ResponseEntity<Void> response = http.call(rest -> attempt.secrets().isEmpty()
                ? rest.post().uri(URI.create(attempt.url())).contentType(MediaType.APPLICATION_JSON).body(attempt.body())
                        .retrieve().toBodilessEntity()
                : rest.post().uri(URI.create(attempt.url())).contentType(MediaType.APPLICATION_JSON)
                        .header(StandardWebhooksScheme.ID, attempt.messageId())
                        .header(StandardWebhooksScheme.TIMESTAMP, Long.toString(seconds))
                        .header(StandardWebhooksScheme.SIGNATURE, signatures(attempt, seconds))
                        .body(attempt.body()).retrieve().toBodilessEntity());
        return response.getStatusCode().value();
    }

    private Attempt begin(UUID messageId) {
        WebhookMessage message = messages.findById(messageId).orElse(null);
        if (message == null || !message.open()) {
            return null;
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = endpoints.findById(message.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            message.abandon("Not sent: the endpoint is disabled", now);
            return null;
        }
        Instant interruptedAt = message.interruptedAt();
        byte[] payload = message.payload().getBytes(StandardCharsets.UTF_8);
        if (endpoint.format() == WebhookFormat.SLACK_CHANNEL) {
            Optional<SlackConnections.Bot> bot = slack.bot();
            if (bot.isEmpty()) {
                message.abandon("Not sent: the workspace's Slack app is no longer installed", now);
                return null;
            }
            message.sending(now);
            return new Attempt(endpoint.url(), message.messageId(), payload, List.of(), new SlackChannelPosts.Target(
                    bot.get().token(), SlackChannelAddress.channelId(endpoint.url()), interruptedAt));
        }
        message.sending(now);
        if (endpoint.format() == WebhookFormat.SLACK) {
            return new Attempt(endpoint.url(), message.messageId(), SlackEventMessages.of(message.payload()), List.of(),
                    null);
        }
        return new Attempt(endpoint.url(), message.messageId(), payload,
                endpoint.signingSecrets(now).stream().map(cipher::decrypt).toList(), null);
    }

    private Instant failed(UUID messageId, Integer status, String error) {
        Instant now = clock.instant();
        WebhookMessage message = messages.findById(messageId).orElseThrow();
        Instant next = message.failed(status, error, now);
        WebhookEndpoint endpoint = endpoints.findById(message.endpointId()).orElse(null);
        if (endpoint != null && endpoint.failed(now)) {
            notifier.notify(NotificationDraft.of("webhook-disabled:" + endpoint.getId() + ":" + now.toEpochMilli(),
                    NotificationTrigger.WEBHOOK_DISABLED, "Webhook endpoint " + endpoint.label() + " was disabled",
                    "/settings/webhooks/" + endpoint.getId(), "You own this webhook endpoint, which failed for five "
                            + "days and was switched off.", "webhook-endpoint", endpoint.getId(), null, null)
                    .withBody("Its messages wait no more. Enable it again once it answers; each message can be "
                            + "replayed from its delivery log."), List.of(endpoint.ownerId()));
            message.abandon("Not sent: the endpoint was disabled after five days of failures", now);
            return null;
        }
        return next;
    }

    /** One {@code v1,…} per signing secret, newest first: two while a rotation overlaps. */
    private static String signatures(Attempt attempt, long seconds) {
        StringBuilder header = new StringBuilder();
        for (String secret : attempt.secrets()) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(new StandardWebhooksScheme(List.of(secret), ReplayWindow.of(Clock.systemUTC()))
                    .sign(attempt.messageId(), seconds, attempt.body()));
        }
        return header.toString();
    }
}
