package io.flightdeck.email.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.segments.SegmentCondition;
import io.flightdeck.email.segments.SegmentRules;
import io.flightdeck.email.segments.SegmentView;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segments: anyone reads them and counts rules live; contributors make and change the workspace's own; managers remove
 * one. The five built-in segments are read-only (409).
 */
@RestController
@RequestMapping("/api/v1/email/segments")
@Tag(name = "Email segments")
class SegmentsApiController {

    private final Segments segments;

    SegmentsApiController(Segments segments) {
        this.segments = segments;
    }

    record ConditionBody(@Size(max = 40) @Schema(example = "attribute") String field,
            @Size(max = 40) @Schema(example = "at_least") String operator,
            @Size(max = 40) @Schema(description = "The attribute's name, for the attribute field",
                    example = "lifetime_value") String key,
            @Size(max = 500) @Schema(example = "500") String value) {
        SegmentCondition condition() {
            return new SegmentCondition(field, operator, key, value);
        }
    }

    record RulesBody(@Schema(description = "ALL (the default) or ANY of the conditions", example = "ALL")
            SegmentRules.Match match,
            @Size(max = SegmentRules.MAX_CONDITIONS) List<@Valid ConditionBody> conditions) {
        SegmentRules rules() {
            return new SegmentRules(match, conditions == null ? null
                    : conditions.stream().map(c -> c == null ? null : c.condition()).toList());
        }
    }

    record SegmentBody(@NotBlank @Size(max = 120) @Schema(example = "Pro customers in Lisbon") String name,
            @Size(max = 500) @Schema(example = "On the pro plan, in the Lisbon time zone") String description,
            @NotNull @Valid RulesBody rules) {
    }

    record SegmentPatch(@Size(max = 120) @Schema(example = "Pro customers in Lisbon") String name,
            @Size(max = 500) @Schema(example = "On the pro plan, in the Lisbon time zone") String description,
            @Valid RulesBody rules) {
    }

    record CountAnswer(@Schema(example = "128") long contacts) {
    }

    @Operation(summary = "Segments, the five built-in ones first, each with how many subscribed contacts it selects")
    @GetMapping({"", "/list"})
    PageResponse<SegmentView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(segments.page(Paging.of(page, size, Sort.unsorted())), s -> s);
    }

    @Operation(summary = "Make a segment (409 when the name is taken, a built-in's included, in any case)")
    @ApiResponse(responseCode = "201", description = "The segment created",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<SegmentView> create(@Valid @RequestBody SegmentBody body) {
        SegmentView made = segments.create(body.name(), body.description(), body.rules().rules());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(made.version())).body(made);
    }

    @Operation(summary = "Count the subscribed contacts that rules select, without saving them (the live count)")
    @PostMapping("/count")
    @ReadOnlyOperation
    CountAnswer count(@Valid @RequestBody RulesBody body) {
        return new CountAnswer(segments.count(body.rules()));
    }

    @Operation(summary = "One segment with its count; its ETag is what If-Match takes on a change")
    @GetMapping("/{id}")
    ResponseEntity<SegmentView> get(@PathVariable UUID id) {
        SegmentView segment = segments.get(id);
        return ResponseEntity.ok().eTag(ETags.of(segment.version())).body(segment);
    }

    @Operation(summary = "Replace a segment's name, description and rules (If-Match; built-ins answer 409)")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<SegmentView> replace(@PathVariable UUID id, @Valid @RequestBody SegmentBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SegmentView changed = segments.change(id, body.name(), body.description() == null ? "" : body.description(),
                body.rules().rules(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Change what is given of a segment's name, description and rules (If-Match; built-ins "
            + "answer 409)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<SegmentView> change(@PathVariable UUID id, @Valid @RequestBody SegmentPatch body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SegmentView changed = segments.change(id, body.name(), body.description(),
                body.rules() == null ? null : body.rules().rules(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Remove a segment of the workspace's own (managers; built-ins answer 409)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        segments.delete(id);
    }

    @Operation(summary = "The subscribed contacts the segment selects now, by address")
    @GetMapping("/{id}/contacts")
    PageResponse<ContactView> contacts(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(segments.members(id, Paging.of(page, size, Sort.unsorted())), c -> c);
    }
}
