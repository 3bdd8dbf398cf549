package io.flightdeck.email.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.sending.EmailCampaignView;
import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.email.sending.EmailMetrics;
import io.flightdeck.email.sending.EmailReadiness;
import io.flightdeck.email.sending.EmailReadinessCheck;
import io.flightdeck.email.sending.EmailTestSends;
import io.flightdeck.email.sending.RecipientList;
import io.flightdeck.email.sending.RecipientView;
import io.flightdeck.email.sending.SendControl;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.templates.TemplatePreviews;
import io.flightdeck.email.templates.TestSends.TestSendView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
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
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email campaigns (seed 002's create, get, update, send and the rest): anyone reads; contributors write and send;
 * managers delete. A send is refused while its readiness has blockers, naming each.
 */
@RestController
@RequestMapping("/api/v1/email/campaigns")
@Tag(name = "Email campaigns")
class EmailCampaignsApiController {

    private final EmailCampaigns emails;
    private final SendControl sends;
    private final RecipientList recipients;
    private final EmailMetrics metrics;
    private final TemplatePreviews previews;
    private final EmailReadinessCheck readiness;
    private final EmailTestSends testSends;

    EmailCampaignsApiController(EmailCampaigns emails, SendControl sends, RecipientList recipients,
            EmailMetrics metrics, TemplatePreviews previews, EmailReadinessCheck readiness, EmailTestSends testSends) {
        this.readiness = readiness;
        this.testSends = testSends;
        this.metrics = metrics;
        this.previews = previews;
        this.emails = emails;
        this.sends = sends;
        this.recipients = recipients;
    }

    record EmailBody(@Schema(example = "0190f0c4-7a52-7000-8000-000000000001") UUID campaignId,
            @Size(max = 200) @Schema(example = "December newsletter") String name,
            @Size(max = 300) @Schema(example = "What's new in December, {{first_name | \"friend\"}}") String subject,
            @Size(max = 300) @Schema(example = "Three things we shipped") String preheader,
            @Size(max = 500_000) @Schema(example = "<p>Hello {{first_name | \"there\"}}</p>") String html,
            @Size(max = 64) @Schema(example = "builtin-newsletter", description = "A built-in template (builtin-welcome, "
                    + "builtin-newsletter, builtin-promotional, builtin-transactional) or one of the workspace's") String templateId,
            @Size(max = 20) List<UUID> listIds, UUID segmentId,
            @Schema(description = "True to send to the lists only, dropping the segment") Boolean clearSegment) {

        EmailCampaigns.Changes changes() {
            if (listIds != null && listIds.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidInputException("listIds", "A list id is missing");
            }
            return new EmailCampaigns.Changes(name, subject, preheader, html, templateId, listIds, segmentId,
                    Boolean.TRUE.equals(clearSegment));
        }
    }

    /** A change: the same fields without the campaign, which an email never leaves. */
    record EmailChangeBody(@Size(max = 200) @Schema(example = "December newsletter") String name,
            @Size(max = 300) @Schema(example = "What's new in December, {{first_name | \"friend\"}}") String subject,
            @Size(max = 300) @Schema(example = "Three things we shipped") String preheader,
            @Size(max = 500_000) @Schema(example = "<p>Hello {{first_name | \"there\"}}</p>") String html,
            @Size(max = 20) List<UUID> listIds, UUID segmentId,
            @Schema(description = "True to send to the lists only, dropping the segment") Boolean clearSegment) {

        EmailCampaigns.Changes changes() {
            return new EmailBody(null, name, subject, preheader, html, null, listIds, segmentId, clearSegment).changes();
        }
    }

    record ScheduleBody(@NotNull @Schema(example = "2026-12-01T09:00:00Z") Instant at,
            @Schema(description = "Send at that wall-clock time in each recipient's own zone") Boolean recipientZone,
            @Size(max = 64) @Schema(description = "The zone the time is read in for recipient-zone sends; yours when "
                    + "left out", example = "Europe/Lisbon") String zone) {
    }

    @Operation(summary = "Email campaigns, newest first; campaignId filters to one campaign")
    @GetMapping
    PageResponse<EmailCampaignView> list(@RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(emails.page(campaignId, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))),
                e -> e);
    }

    @Operation(summary = "Make an email in a campaign, blank or from a template (seed 002: create)")
    @ApiResponse(responseCode = "201", description = "The email campaign created",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EmailCampaignView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailCampaignView> create(@Valid @RequestBody EmailBody body) {
        EmailCampaignView made = emails.create(body.campaignId(), body.changes());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(made.version())).body(made);
    }

    @Operation(summary = "One email with its send's progress; its ETag is what If-Match takes")
    @GetMapping("/{id}")
    ResponseEntity<EmailCampaignView> get(@PathVariable UUID id) {
        EmailCampaignView email = emails.get(id);
        return ResponseEntity.ok().eTag(ETags.of(email.version())).body(email);
    }

    @Operation(summary = "Change content or audience while nothing has been sent (fields left out stay)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailCampaignView> change(@PathVariable UUID id, @Valid @RequestBody EmailChangeBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EmailCampaignView changed = emails.change(id, body.changes(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Delete a draft, cancelled or finished email (managers)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        emails.delete(id);
    }

    @Operation(summary = "Send the email as it is now for approval in its campaign's content review; a change after "
            + "that makes a new revision, which waits for its own approval. 409 approval-not-needed when the workspace "
            + "does not review content, illegal-transition once it is sending or sent")
    @PostMapping("/{id}/request-approval")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailCampaignView> requestApproval(@PathVariable UUID id) {
        EmailCampaignView sent = emails.requestApproval(id);
        return ResponseEntity.ok().eTag(ETags.of(sent.version())).body(sent);
    }

    @Operation(summary = "Whether it may be sent now: its checklist (campaign active, content approved, postal address, "
            + "audience, a test of the current content, consent, suppression, the sending domain's SPF, DKIM and DMARC) "
            + "with each item's state and where to fix it, and the blockers in words")
    @GetMapping("/{id}/readiness")
    EmailReadiness readiness(@PathVariable UUID id) {
        return readiness.check(id);
    }

    @Operation(summary = "Send the email's current content as a test to your own address or a contact's; the "
            + "readiness asks for a test of the content as it is now")
    @ApiResponse(responseCode = "201", description = "The test email sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestSendView.class)))
    @PostMapping("/{id}/test-send")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TestSendView> testSend(@PathVariable UUID id,
            @Valid @RequestBody TemplatesApiController.EmailTestSendRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(testSends.send(id, body.to(), body.contactId()));
    }

    @Operation(summary = "Send now (seed 002: send); 409 email-blocked naming every blocker of its readiness")
    @PostMapping("/{id}/send")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EmailCampaignView send(@PathVariable UUID id) {
        return sends.sendNow(id);
    }

    @Operation(summary = "Send at a time, or at that time in each recipient's zone; 409 email-blocked naming every "
            + "blocker while anything but the campaign's launch and approval (which a scheduled send waits for) is missing")
    @PostMapping("/{id}/schedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView schedule(@PathVariable UUID id, @Valid @RequestBody ScheduleBody body) {
        ZoneId zone;
        try {
            zone = body.zone() == null || body.zone().isBlank() ? CurrentActor.zone() : ZoneId.of(body.zone());
        } catch (RuntimeException e) {
            throw new InvalidInputException("zone", "Not a time zone: " + body.zone());
        }
        return sends.schedule(id, body.at(), Boolean.TRUE.equals(body.recipientZone()), zone);
    }

    @Operation(summary = "Back to draft from scheduled")
    @PostMapping("/{id}/unschedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView unschedule(@PathVariable UUID id) {
        return sends.unschedule(id);
    }

    @Operation(summary = "Pause a send in progress after the messages in flight")
    @PostMapping("/{id}/pause")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView pause(@PathVariable UUID id) {
        return sends.pause(id);
    }

    @Operation(summary = "Go on with a paused send; nobody is sent twice")
    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView resume(@PathVariable UUID id) {
        return sends.resume(id);
    }

    @Operation(summary = "Send to the rest: retry those a passing failure stopped, and go on")
    @PostMapping("/{id}/send-to-rest")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView sendToRest(@PathVariable UUID id) {
        return sends.sendToRest(id);
    }

    @Operation(summary = "Send again to the unconfirmed: those whose message was handed to the server as sending "
            + "stopped, with no answer recorded (handed over more than flightdeck.email.sending.in-flight-limit ago, "
            + "10 minutes by default). The server may have some of them, so some may get it twice; a paused send "
            + "keeps them queued until it is resumed. 409 still-in-flight or nobody-unconfirmed when there is no one.")
    @PostMapping("/{id}/send-to-unconfirmed")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView sendToUnconfirmed(@PathVariable UUID id) {
        return sends.sendToUnconfirmed(id);
    }

    @Operation(summary = "Cancel: nobody else gets it; who did get it stays in the ledger")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    EmailCampaignView cancel(@PathVariable UUID id) {
        return sends.cancel(id);
    }

    @Operation(summary = "The email as one recipient gets it (seed 002: preview): subject, HTML and text part, with "
            + "the contact's data, or sample data when contactId is left out")
    @GetMapping("/{id}/preview")
    RenderedEmail preview(@PathVariable UUID id, @RequestParam(required = false) UUID contactId) {
        EmailCampaignView email = emails.get(id);
        return previews.preview(new EmailContent(email.subject(), email.preheader(), email.html()), contactId);
    }

    @Operation(summary = "The email's numbers (seed 002: metrics): what left and became of it, opens and clicks with "
            + "people and machines apart, rates from the human ones, clicks per link")
    @GetMapping("/{id}/metrics")
    EmailMetrics.Metrics metrics(@PathVariable UUID id) {
        return metrics.of(id);
    }

    @Operation(summary = "The send's ledger, by address; notReached=true lists only who did not get it")
    @GetMapping("/{id}/recipients")
    PageResponse<RecipientView> recipients(@PathVariable UUID id,
            @RequestParam(required = false) Boolean notReached, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(recipients.page(id, Boolean.TRUE.equals(notReached), Paging.of(page, size, Sort.unsorted())),
                r -> r);
    }
}
