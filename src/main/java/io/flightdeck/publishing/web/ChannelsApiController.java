package io.flightdeck.publishing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAccounts.AccountDraft;
import io.flightdeck.publishing.channels.PostOptionsView;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connected accounts under {@code /api/v1/channels}: the networks offered, accounts, their health and settings. */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Channels")
class ChannelsApiController {

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;

    ChannelsApiController(ChannelAccounts accounts, ChannelAdapters adapters) {
        this.accounts = accounts;
        this.adapters = adapters;
    }

    record NetworkInfo(String network, String displayName, Set<Channel> channels, boolean available) {

        static NetworkInfo of(ChannelAdapter a) {
            return new NetworkInfo(a.network(), a.displayName(), a.channels(), a.available());
        }
    }

    /**
     * A sandbox account.
     *
     * @param settings {@code mode}: NORMAL, FAIL, REFUSE, RATE_LIMIT, UNAUTHORIZED, TIMEOUT or BREAK; {@code lookup}:
     *                 supported or unknown
     */
    record SandboxAccountRequest(@Schema(example = "Roastery on LinkedIn (sandbox)") @NotNull @Size(max = 200)
            String displayName,
            @Schema(example = "LINKEDIN") @NotNull Channel channel,
            @Schema(nullable = true, example = "Europe/Berlin", description = "the audience's time zone; yours when "
                    + "left out") String timeZone,
            @Schema(nullable = true, example = "{\"mode\": \"NORMAL\"}") Map<String, Object> settings) {
    }

    record AccountChange(@Schema(nullable = true, example = "Roastery on LinkedIn") @Size(max = 200) String displayName,
            @Schema(nullable = true, example = "Europe/Berlin") String timeZone,
            @Schema(nullable = true, example = "{\"mode\": \"FAIL\"}") Map<String, Object> settings) {
    }

    @Operation(summary = "The networks this installation posts to, and whether each is configured")
    @GetMapping("/networks")
    List<NetworkInfo> networks() {
        return adapters.all().stream().map(NetworkInfo::of).toList();
    }

    @Operation(summary = "The workspace's connected accounts with their health")
    @GetMapping
    List<ChannelAccountView> list() {
        return accounts.list();
    }

    @Operation(summary = "One account; its ETag is what If-Match takes on a change")
    @GetMapping("/{id}")
    ResponseEntity<ChannelAccountView> get(@PathVariable UUID id) {
        ChannelAccountView account = accounts.get(id);
        return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account);
    }

    @Operation(summary = "The choices the account's network offers for a post now: a format (feed, reel, story), "
            + "TikTok's privacy level and interaction switches as the creator's settings allow them; what a post's "
            + "networkOptions take")
    @GetMapping("/post-options/{accountId}")
    PostOptionsView postOptions(@PathVariable UUID accountId) {
        return accounts.postOptions(accountId);
    }

    @Operation(summary = "Connect a sandbox account (admins): posts to it are recorded, not sent; its settings make "
            + "it fail in the ways networks do")
    @ApiResponse(responseCode = "201", description = "The sandbox account connected",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ChannelAccountView.class)))
    @PostMapping("/sandbox")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ChannelAccountView> connectSandbox(@Valid @RequestBody SandboxAccountRequest request) {
        ChannelAccountView created = accounts.connectSandbox(new AccountDraft(request.displayName(), request.channel(),
                request.timeZone(), request.settings()));
        return ResponseEntity.created(URI.create("/api/v1/channels/" + created.id())).eTag(ETags.of(created.version()))
                .body(created);
    }

    @Operation(summary = "Rename an account, change its time zone or settings (admins)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ChannelAccountView> update(@PathVariable UUID id, @Valid @RequestBody AccountChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ChannelAccountView updated = accounts.update(id, new AccountDraft(change.displayName(), null, change.timeZone(),
                change.settings()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
    }

    @Operation(summary = "Disconnect an account (admins): its tokens are deleted; its scheduled posts wait until "
            + "they are moved to another")
    @ApiResponse(responseCode = "204", description = "Disconnected")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> disconnect(@PathVariable UUID id) {
        accounts.disconnect(id);
        return ResponseEntity.noContent().build();
    }
}
