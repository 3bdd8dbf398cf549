package io.flightdeck.notifications.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.notifications.domain.DeliveryStatus;
import io.flightdeck.notifications.domain.WebhookEndpointView;
import io.flightdeck.notifications.domain.WebhookEndpoints;
import io.flightdeck.notifications.domain.WebhookFormat;
import io.flightdeck.notifications.domain.WebhookEventTypes;
import io.flightdeck.notifications.domain.WebhookMessageView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outgoing webhooks: a workspace's endpoints (admins only), each with the event types it takes and a secret that signs
 * every message the Standard Webhooks way; a test, the delivery log, and a replay.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@Tag(name = "Webhook endpoints")
@PreAuthorize("hasRole('ADMIN')")
class WebhookEndpointsApiController {

    private final WebhookEndpoints endpoints;

    WebhookEndpointsApiController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    record EndpointBody(@Schema(example = "https://example.com/hooks/flightdeck") @NotBlank @Size(max = 2000) String url,
            @Schema(example = "Our data warehouse") @Size(max = 200) String description,
            @Schema(description = "Event types (GET /event-types), or [\"*\"] for every type",
                    example = "[\"post.published\", \"approval.decided\"]")
            @NotEmpty @Size(max = 50) List<@Size(max = 60) String> eventTypes,
            @Schema(description = "STANDARD (signed JSON, the default), SLACK (a Slack incoming webhook's address: "
                    + "each event as a message in its channel) or SLACK_CHANNEL (url is a channel's link from Slack, "
                    + "such as https://acme.slack.com/archives/C0123ABCD, or its id; the installed app posts there)",
                    example = "STANDARD") WebhookFormat format) {
    }

    @Operation(summary = "The workspace's endpoints, oldest first")
    @GetMapping
    PageResponse<WebhookEndpointView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(endpoints.list(Paging.of(page, size, Sort.by("createdAt", "id"))), e -> e);
    }

    @Operation(summary = "The event types an endpoint can take")
    @GetMapping("/event-types")
    List<String> eventTypes() {
        return WebhookEventTypes.all();
    }

    @Operation(summary = "Add an endpoint; the answer carries its secret, shown this once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WebhookEndpoints.WithSecret create(@Valid @RequestBody EndpointBody body) {
        return endpoints.create(body.url(), body.description(), body.eventTypes(), body.format());
    }

    @Operation(summary = "One endpoint")
    @GetMapping("/{id}")
    WebhookEndpointView get(@PathVariable UUID id) {
        return endpoints.get(id);
    }

    @Operation(summary = "Change an endpoint's address, description and event types")
    @PutMapping("/{id}")
    WebhookEndpointView change(@PathVariable UUID id, @Valid @RequestBody EndpointBody body) {
        return endpoints.change(id, body.url(), body.description(), body.eventTypes(), body.format());
    }

    @Operation(summary = "Remove an endpoint and its delivery log")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        endpoints.delete(id);
    }

    @Operation(summary = "A new secret, shown this once; the old one keeps signing beside it for a day")
    @PostMapping("/{id}/rotate-secret")
    WebhookEndpoints.WithSecret rotate(@PathVariable UUID id) {
        return endpoints.rotate(id);
    }

    @Operation(summary = "Switch the endpoint on again (a disabled one starts its failure count afresh)")
    @PostMapping("/{id}/enable")
    WebhookEndpointView enable(@PathVariable UUID id) {
        return endpoints.enable(id, true);
    }

    @Operation(summary = "Switch the endpoint off: nothing more is sent to it, and queued messages stop")
    @PostMapping("/{id}/disable")
    WebhookEndpointView disable(@PathVariable UUID id) {
        return endpoints.enable(id, false);
    }

    @Operation(summary = "Send a webhook.test message now")
    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookMessageView test(@PathVariable UUID id) {
        return endpoints.test(id);
    }

    @Operation(summary = "The endpoint's delivery log, newest first; filter by status")
    @GetMapping("/{id}/messages")
    PageResponse<WebhookMessageView> messages(@PathVariable UUID id,
            @RequestParam(required = false) List<DeliveryStatus> status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(endpoints.messages(id, status,
                Paging.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))), m -> m);
    }

    @Operation(summary = "Send a sent or dead message again, with the same webhook-id, from now")
    @PostMapping("/{id}/messages/{messageId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookMessageView replay(@PathVariable UUID id, @PathVariable UUID messageId) {
        return endpoints.replay(id, messageId);
    }
}
