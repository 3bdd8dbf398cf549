package io.flightdeck.planning.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateChange;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's timeline templates: milestones and tasks per campaign type, one default per type. */
@RestController
@RequestMapping("/api/v1/timeline-templates")
@Tag(name = "Timeline templates")
class TimelineTemplatesApiController {

    private final TemplateLibrary templates;
    private final IdempotencyKeys idempotencyKeys;

    TimelineTemplatesApiController(TemplateLibrary templates, IdempotencyKeys idempotencyKeys) {
        this.templates = templates;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** One milestone or task; a milestone's duration may be left out (it is 0). */
    record ItemBody(String key, String title, TaskKind kind, Integer durationDays, Double estimateHours,
            Map<@NotBlank String, @NotNull Integer> skills, List<@NotBlank String> dependsOn, String milestone) {
    }

    record TemplateRequest(@Schema(example = "EVENT") @NotNull CampaignType campaignType,
            @Schema(example = "Webinar in three weeks") String name,
            @Schema(example = "Our usual webinar plan") @Size(max = 2000) String description,
            @Schema(example = """
                    [{"key":"brief","title":"Write the brief","kind":"TASK","durationDays":2,"estimateHours":4,
                      "skills":{"copywriting":3},"dependsOn":[]},
                     {"key":"invites","title":"Send the invitations","kind":"TASK","durationDays":1,"estimateHours":2,
                      "skills":{"email":2},"dependsOn":["brief"],"milestone":"live"},
                     {"key":"live","title":"Webinar live","kind":"MILESTONE","durationDays":0,"dependsOn":["invites"]}]""")
            List<@Valid ItemBody> items) {

        TemplateChange toChange() {
            List<TemplateItem> converted = new ArrayList<>();
            List<ItemBody> given = items == null ? List.of() : items;
            for (int i = 0; i < given.size(); i++) {
                ItemBody item = given.get(i);
                if (item == null) {
                    throw new InvalidInputException("items[" + i + "]", "must not be empty");
                }
                if (item.durationDays() == null && item.kind() != TaskKind.MILESTONE) {
                    throw new InvalidInputException("items[" + i + "].durationDays", "is required for a task");
                }
                converted.add(new TemplateItem(item.key(), item.title(), item.kind(),
                        item.durationDays() == null ? 0 : item.durationDays(),
                        item.estimateHours() == null ? 0 : item.estimateHours(), item.skills(), item.dependsOn(),
                        item.milestone()));
            }
            return new TemplateChange(campaignType, name, description, converted);
        }
    }

    @Operation(summary = "Live templates by type and name; the built-in ones are copied in on first read. "
            + "deleted=true lists the bin instead")
    @GetMapping
    List<TemplateView> list(@RequestParam(required = false) CampaignType type,
            @RequestParam(defaultValue = "false") boolean deleted) {
        if (deleted) {
            return templates.deleted().stream().filter(t -> type == null || t.campaignType() == type).toList();
        }
        return templates.list(type);
    }

    @Operation(summary = "One template; its ETag is what If-Match takes on update")
    @GetMapping("/{id}")
    ResponseEntity<TemplateView> get(@PathVariable UUID id) {
        TemplateView template = templates.get(id);
        return ResponseEntity.ok().eTag(ETags.of(template.version())).body(template);
    }

    @Operation(summary = "Add a template (managers); the first of its type becomes the default. Honours Idempotency-Key. "
            + "A dependency cycle answers 400 dependency-cycle naming it")
    @ApiResponse(responseCode = "201", description = "The template created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateView.class)))
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody TemplateRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            TemplateView created = templates.create(request.toChange());
            return ResponseEntity.created(URI.create("/api/v1/timeline-templates/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Replace a template's type, name, description and items (managers); honours If-Match. "
            + "Timelines generated from it keep their tasks")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<TemplateView> update(@PathVariable UUID id, @Valid @RequestBody TemplateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TemplateView changed = templates.update(id, request.toChange(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Move a template to the bin (managers); a deleted default hands over to another of its type")
    @ApiResponse(responseCode = "204", description = "Moved to the trash")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        templates.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bring a deleted template back (managers); it becomes the default if its type has none")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    TemplateView restore(@PathVariable UUID id) {
        return templates.restore(id);
    }

    @Operation(summary = "Make this the template new campaigns of its type are planned from (managers)")
    @PostMapping("/{id}/make-default")
    @PreAuthorize("hasRole('MANAGER')")
    TemplateView makeDefault(@PathVariable UUID id) {
        return templates.makeDefault(id);
    }
}
