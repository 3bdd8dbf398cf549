package io.flightdeck.notifications.web;

import java.net.URI;
import java.util.Map;

import io.flightdeck.notifications.slack.SlackConnectionView;
import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.notifications.slack.SlackInteractions;
import io.flightdeck.notifications.slack.SlackLinkView;
import io.flightdeck.notifications.slack.SlackLinks;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.webhooks.WebhookRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's Slack ({@code /api/v1/slack}): admins install the app (OAuth v2; the browser comes back to
 * {@code /settings/slack/callback}) or connect an incoming webhook, and disconnect; every member links themself to
 * their Slack user (found by their email, then confirmed).
 */
@RestController
@RequestMapping("/api/v1/slack")
@Tag(name = "Notifications")
class SlackApiController {

    static final String CALLBACK = "/settings/slack/callback";

    private final SlackConnections connections;
    private final SlackLinks links;
    private final PublicUrls urls;
    private final SlackInteractions interactions;

    SlackApiController(SlackConnections connections, SlackLinks links, PublicUrls urls, SlackInteractions interactions) {
        this.connections = connections;
        this.links = links;
        this.urls = urls;
        this.interactions = interactions;
    }

    record InstallStarted(@Schema(description = "Open it in the admin's browser; Slack sends them back to "
            + CALLBACK) URI authorizeUrl) {
    }

    record WebhookBody(@NotBlank @Size(max = 2000) @Schema(example = "https://hooks.slack.com/services/T000/B000/XXXX")
            String url, @Size(max = 200) @Schema(description = "The channel it posts to, as a reminder", example = "#marketing")
            String channel) {
    }

    @Operation(summary = "The workspace's Slack connection: the app, a webhook, or none")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping
    SlackConnectionView connection() {
        return connections.view();
    }

    @Operation(summary = "Start installing the Slack app: the address of Slack's consent page, with a signed state")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/install")
    InstallStarted install() {
        return new InstallStarted(connections.installUrl(urls.of(CALLBACK)));
    }

    record InstallAnswer(@NotBlank @Size(max = 1000) String state, @NotBlank @Size(max = 1000) String code) {
    }

    @Operation(summary = "Finish the install without a browser: the state and code Slack handed to the redirect "
            + "(the browser's way is " + CALLBACK + ")")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/install/complete")
    SlackConnectionView completeInstall(@Valid @RequestBody InstallAnswer body) {
        return connections.completeInstall(body.state(), body.code(), null, urls.of(CALLBACK));
    }

    @Operation(summary = "Connect an incoming webhook instead of the app (tried with a first message before it is kept)")
    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/webhook")
    SlackConnectionView webhook(@Valid @RequestBody WebhookBody body) {
        return connections.useWebhook(body.url(), body.channel());
    }

    @Operation(summary = "Disconnect Slack: nothing more is sent there; members' links stay for a new install")
    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect() {
        connections.disconnect();
    }

    @Operation(operationId = "slack_interactivity", summary = "Slack's interactivity endpoint (no sign-in; Slack calls it "
            + "when someone clicks a Flightdeck button or submits its modal): the v0 signature is verified, the click "
            + "recorded once and answered at once; the decision runs afterwards")
    @SecurityRequirements
    @PostMapping("/interactivity")
    ResponseEntity<Map<String, Object>> interactivity(WebhookRequest delivery) {
        return interactions.receive(delivery).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.ok().build());
    }

    @Configuration(proxyBeanMethods = false)
    static class SlackPaths {
        @Bean
        PublicPaths slackInteractivityPath() {
            return PublicPaths.of("/api/v1/slack/interactivity");
        }
    }

    @Operation(summary = "The signed-in member's link to Slack")
    @GetMapping("/link")
    SlackLinkView myLink() {
        return links.mine();
    }

    @Operation(summary = "Find the signed-in member in Slack by their email (Slack answers only for a verified one); "
            + "proposed until they confirm")
    @PostMapping("/link")
    SlackLinkView find() {
        return links.find();
    }

    @Operation(summary = "Confirm that the Slack user found is the signed-in member")
    @PostMapping("/link/confirm")
    SlackLinkView confirm() {
        return links.confirm();
    }

    @Operation(summary = "Unlink the signed-in member from Slack")
    @DeleteMapping("/link")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink() {
        links.unlink();
    }
}
