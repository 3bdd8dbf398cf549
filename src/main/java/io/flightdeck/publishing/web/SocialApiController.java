package io.flightdeck.publishing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.publishing.posts.ChannelNumbersView;
import io.flightdeck.publishing.posts.ChannelPostView;
import io.flightdeck.publishing.posts.PostBatches;
import io.flightdeck.publishing.posts.PublishNow;
import io.flightdeck.publishing.posts.SocialPostReader;
import io.flightdeck.publishing.posts.SocialPostView;
import io.flightdeck.publishing.posts.SocialScheduler;
import io.flightdeck.publishing.web.SocialApiRequests.BatchResult;
import io.flightdeck.publishing.web.SocialApiRequests.BestTime;
import io.flightdeck.publishing.web.SocialApiRequests.BulkRescheduleRequest;
import io.flightdeck.publishing.web.SocialApiRequests.EditRequest;
import io.flightdeck.publishing.web.SocialApiRequests.MultiScheduleRequest;
import io.flightdeck.publishing.web.SocialApiRequests.RescheduleRequest;
import io.flightdeck.publishing.web.SocialApiRequests.ResolveRequest;
import io.flightdeck.publishing.web.SocialApiRequests.ScheduleRequest;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The social scheduler (seed 002) under {@code /api/v1/social}: schedule to one channel or several, the campaign's
 * queue, the calendar, the dead-letter list, best times, and a post's or one channel's moves. Seed 002's
 * {@code /social/:queueId/...} paths live under {@code /social/posts/{postId}/...}, so that no path can be read as
 * another ({@code /social/queue/publish}).
 */
@RestController
@RequestMapping("/api/v1/social")
@Tag(name = "Social scheduler")
class SocialApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final Sort NEWEST_CHANGE_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
    private static final int CALENDAR_LIMIT = 2_000;
    private static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

    private final SocialScheduler scheduler;
    private final SocialPostReader reader;
    private final PostBatches batches;
    private final IdempotencyKeys idempotencyKeys;
    private final PublishNow publishNow;

    SocialApiController(SocialScheduler scheduler, SocialPostReader reader, PostBatches batches,
            IdempotencyKeys idempotencyKeys, PublishNow publishNow) {
        this.publishNow = publishNow;
        this.scheduler = scheduler;
        this.reader = reader;
        this.batches = batches;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Schedule a post to one account (contributors): at a time, or at its next best time; "
            + "honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The post scheduled",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocialPostView.class)))
    @PostMapping("/schedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> schedule(@Valid @RequestBody ScheduleRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> created(scheduler.schedule(request.toCommand())));
    }

    @Operation(summary = "Schedule a post to several accounts (contributors), each with its own text and time if "
            + "given, else at its own next best time; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The post scheduled to each account",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocialPostView.class)))
    @PostMapping("/schedule-multi-platform")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> scheduleMulti(@Valid @RequestBody MultiScheduleRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> created(scheduler.schedule(request.toCommand())));
    }

    @Operation(summary = "Schedule many posts from a CSV (contributors), all or nothing: columns account (id or name), "
            + "text, and optionally at, first_comment, media, title; every row's problem is answered and nothing is "
            + "written when any row is wrong")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "text/csv", schema = @Schema(type = "string",
            example = "account,at,text\nRoastery on LinkedIn,2026-12-01 09:00,Spring roast is back")))
    @ApiResponse(responseCode = "201", description = "Every row scheduled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class)))
    @PostMapping("/batch")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<BatchResult> batch(@RequestParam UUID campaignId, jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        // checked here rather than with consumes, so that a wrong Accept header is answered first (406)
        org.springframework.http.MediaType type = request.getContentType() == null ? null
                : org.springframework.http.MediaType.parseMediaType(request.getContentType());
        List<org.springframework.http.MediaType> csv = List.of(org.springframework.http.MediaType.valueOf("text/csv"),
                org.springframework.http.MediaType.TEXT_PLAIN);
        if (type == null || csv.stream().noneMatch(t -> t.includes(type))) {
            throw new org.springframework.web.HttpMediaTypeNotSupportedException(type, csv);
        }
        // a thousand posts fit in far less; reading at most one byte more than the limit tells a larger file
        byte[] body = request.getInputStream().readNBytes((int) MAX_CSV_BYTES + 1);
        if (body.length > MAX_CSV_BYTES) {
            throw new io.flightdeck.shared.PayloadTooLargeException(MAX_CSV_BYTES);
        }
        List<SocialPostView> created = batches.importCsv(campaignId,
                new java.io.StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        return ResponseEntity.status(201).body(new BatchResult(created.size(), created));
    }

    @Operation(summary = "Move many channel posts at once (contributors), all or nothing: by the same shift, or each to "
            + "its next best time")
    @PostMapping("/bulk-reschedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    List<ChannelPostView> bulkReschedule(@Valid @RequestBody BulkRescheduleRequest request) {
        return batches.reschedule(request.channelPostIds(), request.shift());
    }

    @Operation(summary = "A campaign's queue: its posts, newest first, paged, each with its channels' states and "
            + "blockers")
    @GetMapping("/queue/{campaignId}")
    PageResponse<SocialPostView> queue(@PathVariable UUID campaignId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reader.queue(campaignId, Paging.of(page, size, NEWEST_FIRST));
    }

    @Operation(summary = "The calendar: posts per channel between two instants (at most 62 days), optionally for "
            + "one campaign")
    @GetMapping("/posts")
    List<ChannelPostView> calendar(@RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false, defaultValue = "false") boolean withCancelled) {
        return reader.between(from, to, campaignId, null, withCancelled, CALENDAR_LIMIT);
    }

    @Operation(summary = "One post with each channel's state, attempts, blockers and log")
    @GetMapping("/posts/{postId}")
    SocialPostView post(@PathVariable UUID postId) {
        return reader.get(postId);
    }

    @Operation(summary = "Publish every channel of a post now that is scheduled, failed or missed (contributors): "
            + "409 post-waiting, listing waitingFor, while anything holds one (an approval, an account, an asset's "
            + "rights), changing nothing; a channel too near the campaign's other posts there goes at the first "
            + "moment the minimum gap allows (its scheduledAt), unless keepGap=false asks for now whatever the gap")
    @PostMapping("/posts/{postId}/publish")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    SocialPostView publishPost(@PathVariable UUID postId, @RequestParam(defaultValue = "true") boolean keepGap) {
        return publishNow.post(postId, keepGap).view();
    }

    @Operation(summary = "A post's numbers per channel (impressions, reach, engagements, clicks), as each network "
            + "last reported them; fetched hourly for two days after publishing, then twice a day for a month")
    @GetMapping("/posts/{postId}/analytics")
    List<ChannelNumbersView> analytics(@PathVariable UUID postId) {
        return reader.analytics(postId);
    }

    @Operation(summary = "Cancel every channel of a post not yet published (contributors); 409 when none can be")
    @PostMapping("/posts/{postId}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    SocialPostView cancelPost(@PathVariable UUID postId) {
        return scheduler.cancelPost(postId);
    }

    @Operation(summary = "The dead-letter list: posts that failed, are in doubt or were missed, most recent first")
    @GetMapping("/dead-letter")
    PageResponse<ChannelPostView> deadLetter(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reader.needingPerson(Paging.of(page, size, NEWEST_CHANGE_FIRST));
    }

    @Operation(summary = "An account's next best time in a campaign: inside its channel's window in the account's "
            + "time zone, keeping the minimum gap")
    @GetMapping("/best-times")
    BestTime bestTime(@RequestParam UUID campaignId, @RequestParam UUID accountId,
            @RequestParam(required = false) Instant after) {
        return new BestTime(accountId, scheduler.nextBestTime(campaignId, accountId, after));
    }

    @Operation(summary = "One channel of a post; its ETag is what If-Match takes on a change")
    @GetMapping("/channel-posts/{id}")
    ResponseEntity<ChannelPostView> channelPost(@PathVariable UUID id) {
        return withETag(reader.getChannelPost(id));
    }

    @Operation(summary = "Change one channel's text, first comment or media (contributors); 409 once it is "
            + "publishing or done")
    @PatchMapping("/channel-posts/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> edit(@PathVariable UUID id, @RequestBody EditRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(scheduler.edit(id, request.text(), request.firstComment(), request.mediaAssetIds(),
                request.networkOptions(), ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Move one channel to a time, or to its next best time (contributors); a failed or missed "
            + "one starts again")
    @PostMapping("/channel-posts/{id}/reschedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> reschedule(@PathVariable UUID id, @RequestBody RescheduleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(scheduler.reschedule(id, request.at(), ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Publish one channel now (contributors): 409 post-waiting, listing waitingFor, while "
            + "anything holds it, changing nothing; too near the campaign's other posts there, it goes at the first "
            + "moment the minimum gap allows (its scheduledAt), unless keepGap=false asks for now whatever the gap")
    @PostMapping("/channel-posts/{id}/publish")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> publishNow(@PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean keepGap) {
        return withETag(publishNow.channel(id, keepGap).view());
    }

    @Operation(summary = "Cancel one channel (contributors); 409 once it is publishing or published")
    @PostMapping("/channel-posts/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> cancel(@PathVariable UUID id) {
        return withETag(scheduler.cancel(id));
    }

    @Operation(summary = "Retry a failed channel from the dead-letter list (contributors), with its retries reset")
    @PostMapping("/channel-posts/{id}/retry")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> retry(@PathVariable UUID id) {
        return withETag(scheduler.retry(id));
    }

    @Operation(summary = "Settle a channel in doubt (contributors): found on the network (published), or not "
            + "(sent again)")
    @PostMapping("/channel-posts/{id}/resolve")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ChannelPostView> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        return withETag(scheduler.resolveInDoubt(id, request.foundOnNetwork(), request.url()));
    }

    private static ResponseEntity<SocialPostView> created(SocialPostView post) {
        return ResponseEntity.created(URI.create("/api/v1/social/posts/" + post.id())).body(post);
    }

    private static ResponseEntity<ChannelPostView> withETag(ChannelPostView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
