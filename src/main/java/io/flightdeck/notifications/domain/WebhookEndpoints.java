package io.flightdeck.notifications.domain;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.notifications.slack.SlackChannelAddress;
import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's outgoing webhook endpoints as an admin manages them (the controllers check the role): add, change,
 * rotate the secret, switch off and on, remove, send a test, read each endpoint's delivery log and replay a message.
 * A secret is shown once, when it is made; afterwards only its rotation can show a new one.
 */
@Service
public class WebhookEndpoints {

    /** An endpoint just made or just rotated, with the secret its consumer verifies with (shown this once). */
    public record WithSecret(WebhookEndpointView endpoint, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final WebhookQueue queue;
    private final SecretCipher cipher;
    private final Jobs jobs;
    private final SlackConnections slack;
    private final Clock clock;

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookMessageRepository messages, WebhookQueue queue,
            SecretCipher cipher, Jobs jobs, SlackConnections slack, Clock clock) {
        this.slack = slack;
        this.endpoints = endpoints;
        this.messages = messages;
        this.queue = queue;
        this.cipher = cipher;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<WebhookEndpointView> list(Pageable page) {
        return endpoints.findAllBy(page).map(WebhookEndpoint::view);
    }

    @Transactional(readOnly = true)
    public WebhookEndpointView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public WithSecret create(String url, String description, Collection<String> eventTypes, WebhookFormat format) {
        WebhookFormat chosen = format == null ? WebhookFormat.STANDARD : format;
        Set<String> types = checkedTypes(eventTypes);
        String address = address(url, chosen);
        String secret = newSecret();
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(address, description, types, chosen,
                cipher.encrypt(secret), CurrentActor.require().userId(), clock.instant()));
        return new WithSecret(endpoint.view(), secret);
    }

    @Transactional
    public WebhookEndpointView change(UUID id, String url, String description, Collection<String> eventTypes,
            WebhookFormat format) {
        WebhookEndpoint endpoint = find(id);
        WebhookFormat chosen = format == null ? endpoint.format() : format;
        Set<String> types = checkedTypes(eventTypes);
        endpoint.change(address(url, chosen), description, types, chosen, clock.instant());
        return endpoint.view();
    }

    /** A new secret; the old one keeps signing beside it for a day, so the consumer can switch without a gap. */
    @Transactional
    public WithSecret rotate(UUID id) {
        WebhookEndpoint endpoint = find(id);
        String secret = newSecret();
        endpoint.rotate(cipher.encrypt(secret), clock.instant());
        return new WithSecret(endpoint.view(), secret);
    }

    @Transactional
    public WebhookEndpointView enable(UUID id, boolean on) {
        WebhookEndpoint endpoint = find(id);
        if (on) {
            endpoint.enable(clock.instant());
        } else {
            endpoint.disable("Switched off by " + CurrentActor.require().displayName(), clock.instant());
        }
        return endpoint.view();
    }

    /** Removes the endpoint and its log; messages still queued find it gone and stop. */
    @Transactional
    public void delete(UUID id) {
        endpoints.delete(find(id));
    }

    /** A {@code webhook.test} message to this endpoint now, whatever types it takes; answers its log entry. */
    @Transactional
    public WebhookMessageView test(UUID id) {
        WebhookEndpoint endpoint = find(id);
        if (!endpoint.enabled()) {
            throw new InvalidInputException("enabled", "Enable the endpoint before sending it a test");
        }
        return queue.test(endpoint, CurrentActor.require().displayName()).view();
    }

    /** The endpoint's messages, newest first; at the given statuses when some are named. */
    @Transactional(readOnly = true)
    public Page<WebhookMessageView> messages(UUID endpointId, List<DeliveryStatus> statuses, Pageable page) {
        find(endpointId);
        return (statuses == null || statuses.isEmpty() ? messages.findByEndpointId(endpointId, page)
                : messages.findByEndpointIdAndStatusIn(endpointId, statuses, page)).map(WebhookMessage::view);
    }

    /** The same message (same webhook-id) sent again, from now, with a fresh round of attempts. */
    @Transactional
    public WebhookMessageView replay(UUID endpointId, UUID messageId) {
        WebhookEndpoint endpoint = find(endpointId);
        WebhookMessage message = messages.findById(messageId).filter(m -> m.endpointId().equals(endpointId))
                .orElseThrow(() -> new NotFoundException("Webhook message"));
        if (!endpoint.enabled()) {
            throw new InvalidInputException("enabled", "Enable the endpoint before replaying its messages");
        }
        message.replay(clock.instant());
        jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), message.getId(), clock.instant());
        return message.view();
    }

    private WebhookEndpoint find(UUID id) {
        return endpoints.findById(id).orElseThrow(() -> new NotFoundException("Webhook endpoint"));
    }

    /**
     * A Slack channel's address for the app's bot (refused while no app is installed), or else an http(s) one. The
     * channel's address is checked before the install, so a typo is named first.
     */
    private String address(String url, WebhookFormat format) {
        if (format != WebhookFormat.SLACK_CHANNEL) {
            return checkedUrl(url);
        }
        SlackChannelAddress.id(url);
        String team = slack.teamId().orElseThrow(() -> new ConflictException("slack-not-installed", "Install the "
                + "Slack app in Settings, Slack before routing events to a channel through it"));
        return SlackChannelAddress.of(url, team);
    }

    /** An absolute http(s) address without a user or password in it (they would show in the log). */
    static String checkedUrl(String url) {
        String value = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            throw new InvalidInputException("url", "Give the endpoint's full address, such as https://example.com/hooks");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidInputException("url", "Give the endpoint's full address, starting with https://");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "Leave the user name and password out of the address");
        }
        if (value.length() > 2000) {
            throw new InvalidInputException("url", "The address is longer than 2,000 characters");
        }
        return value;
    }

    static Set<String> checkedTypes(Collection<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new InvalidInputException("eventTypes", "Choose at least one event type, or * for every type");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (type == null || !(type.equals(WebhookEndpoint.EVERY_TYPE) || WebhookEventTypes.all().contains(type))) {
                throw new InvalidInputException("eventTypes", "Unknown event type " + (type == null ? "null"
                        : type.length() > 60 ? type.substring(0, 60) + "…" : type) + "; the types are "
                        + String.join(", ", WebhookEventTypes.all()));
            }
            types.add(type);
        }
        return types;
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
