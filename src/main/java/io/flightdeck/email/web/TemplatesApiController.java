package io.flightdeck.email.web;

import java.net.URI;
import java.util.UUID;

import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.EmailTemplateKind;
import io.flightdeck.email.templates.TemplatePreviews;
import io.flightdeck.email.templates.EmailTemplateSummary;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.email.templates.TestSends;
import io.flightdeck.email.templates.TestSends.TestSendView;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
 * Email templates: anyone reads and previews; contributors make, change and test-send them; managers remove them. The
 * four built-ins (ids {@code builtin-welcome} and so on) are read-only and may be copied.
 */
@RestController
@RequestMapping("/api/v1/email/templates")
@Tag(name = "Email templates")
class TemplatesApiController {

    private final EmailTemplates templates;
    private final TemplatePreviews previews;
    private final TestSends testSends;
    private final IdempotencyKeys idempotencyKeys;

    TemplatesApiController(EmailTemplates templates, TemplatePreviews previews, TestSends testSends,
            IdempotencyKeys idempotencyKeys) {
        this.templates = templates;
        this.previews = previews;
        this.testSends = testSends;
        this.idempotencyKeys = idempotencyKeys;
    }

    record EmailTemplateRequest(@Size(max = 120) @Schema(example = "Spring welcome") String name,
            @Schema(example = "WELCOME") EmailTemplateKind kind,
            @Size(max = 300) @Schema(example = "Welcome, {{first_name | \"friend\"}}!") String subject,
            @Size(max = 300) @Schema(example = "Three short steps to get started") String preheader,
            @Size(max = 200_000) @Schema(example = "<p>Hello {{first_name | \"there\"}}</p>") String html,
            @Size(max = 60) @Schema(description = "A template to copy (a built-in's id or a template's); the other "
                    + "fields change the copy", example = "builtin-welcome") String copyFrom) {

        EmailTemplates.TemplateChange change() {
            return new EmailTemplates.TemplateChange(name, kind, subject, preheader, html);
        }
    }

    record EmailPreviewRequest(@Schema(description = "A contact whose data fills the merge fields; sample data when "
            + "left out") UUID contactId) {
    }

    record EmailTestSendRequest(@NotBlank @Size(max = 320) @Schema(example = "dana@example.com") String to,
            @Schema(description = "A contact whose data fills the merge fields; sample data when left out")
            UUID contactId) {
    }

    @Operation(summary = "The templates: the four built-ins first, then the workspace's by name")
    @GetMapping({"", "/list"})
    PageResponse<EmailTemplateSummary> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(templates.list(Paging.of(page, size, org.springframework.data.domain.Sort.unsorted())),
                t -> t);
    }

    @Operation(summary = "Make a template, blank or as a copy (copyFrom); its HTML is sanitised and the answer's "
            + "removed says what was taken out. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The template created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EmailTemplateView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@Valid @RequestBody EmailTemplateRequest body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> {
            EmailTemplateView made = templates.create(body.change(), body.copyFrom());
            return ResponseEntity.created(URI.create("/api/v1/email/templates/" + made.id()))
                    .eTag(ETags.of(made.version())).body(made);
        });
    }

    @Operation(summary = "One template with its HTML; its ETag is what If-Match takes on a change")
    @GetMapping("/{id}")
    ResponseEntity<EmailTemplateView> get(@PathVariable @Size(max = 60) String id) {
        EmailTemplateView template = templates.get(id);
        return ResponseEntity.ok().eTag(ETags.of(template.version())).body(template);
    }

    @Operation(summary = "Change a template (fields left out stay); 412 when it changed since it was read, 409 for "
            + "a built-in")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailTemplateView> change(@PathVariable @Size(max = 60) String id,
            @Valid @RequestBody EmailTemplateRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EmailTemplateView changed = templates.update(id, body.change(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Remove a template (managers); built-ins stay")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @Size(max = 60) String id) {
        templates.delete(id);
    }

    @Operation(summary = "The template rendered with a contact's data, or sample data: subject, HTML and text part")
    @PostMapping("/{id}/preview")
    @ReadOnlyOperation
    RenderedEmail preview(@PathVariable @Size(max = 60) String id,
            @Valid @RequestBody(required = false) EmailPreviewRequest body) {
        return previews.preview(templates.get(id).content(), body == null ? null : body.contactId());
    }

    @Operation(summary = "Send the template as a test to your own address or a contact's, through the ledger; the "
            + "answer says whether it went (SENT) or why not (FAILED)")
    @ApiResponse(responseCode = "201", description = "The test email sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestSendView.class)))
    @PostMapping("/{id}/test-send")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TestSendView> testSend(@PathVariable @Size(max = 60) String id,
            @Valid @RequestBody EmailTestSendRequest body) {
        EmailTemplateView template = templates.get(id);
        TestSendView sent = testSends.send("TEMPLATE", EmailTemplates.ledgerId(template.id()), template.content(),
                body.to(), body.contactId());
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }
}
