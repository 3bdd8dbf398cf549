package io.flightdeck.ops.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.ops.bulk.BulkItemState;
import io.flightdeck.ops.bulk.BulkOperations;
import io.flightdeck.ops.bulk.BulkViews;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk actions: start one on many items of a type (202, then a job changes them one by one), follow its progress and
 * each item's outcome, cancel it, and undo it within a day. Creating one needs a contributor or above, and the action's
 * own role (assigning needs a manager); each item is checked again as it runs.
 */
@RestController
@RequestMapping("/api/v1/bulk")
@Tag(name = "Bulk actions")
class BulkApiController {

    private static final String BY_IDS = """
            {"type":"tasks","action":"status","ids":["0190a5c2-7b3e-7c00-8000-0000000000aa"],
             "params":{"status":"in_progress"}}""";
    private static final String ALL_THAT_MATCH = """
            {"type":"tasks","action":"status","match":{"q":"spring launch","status":["TODO"]},
             "params":{"status":"in_progress"}}""";

    private final BulkOperations bulk;
    private final IdempotencyKeys idempotencyKeys;

    BulkApiController(BulkOperations bulk, IdempotencyKeys idempotencyKeys) {
        this.bulk = bulk;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Schema(description = "A bulk action on the listed items")
    record BulkActionRequest(
            @Schema(example = "tasks", description = "the item type (GET /api/v1/bulk/actions)") @NotBlank @Size(max = 40) String type,
            @Schema(example = "status", description = "the action's key (GET /api/v1/bulk/actions)") @NotBlank @Size(max = 40) String action,
            @ArraySchema(schema = @Schema(example = "0190a5c2-7b3e-7c00-8000-0000000000aa"), maxItems = 10_000,
                    arraySchema = @Schema(description = "the items, at most 10,000; an id not found (another "
                            + "workspace's too) fails as its own item. Leave out to take all that match")) @Nullable
            @Size(max = 10_000) List<UUID> ids,
            @Schema(description = "instead of ids: every item of the type that this search finds now (the search "
                    + "box's words and filters, as you run it), at most 10,000") @Nullable @Valid SearchCriteria match,
            @Valid BulkParams params) {
    }

    @Operation(summary = "What each item type supports: its actions, the role each needs and the parameters it reads")
    @GetMapping("/actions")
    List<BulkViews.Type> actions() {
        return bulk.types();
    }

    @Operation(summary = "Check a bulk action without running it: the request is validated as for a start, and the "
            + "answer says how many items it would reach and which ids were not found. Writes nothing")
    @PostMapping("/preview")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ReadOnlyOperation
    BulkViews.Preview preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = BulkActionRequest.class), examples = {
                    @ExampleObject(name = "by-ids", summary = "The items named", value = BY_IDS),
                    @ExampleObject(name = "all-that-match", summary = "All that a search finds", value = ALL_THAT_MATCH)}))
            @Valid @RequestBody BulkActionRequest request) {
        return bulk.preview(request.type(), request.action(), request.ids(), request.match(), request.params());
    }

    @Operation(summary = "Start a bulk action: 202 with the operation, whose items then run as a job (follow it at "
            + "Location). Honours Idempotency-Key")
    @ApiResponse(responseCode = "202", description = "Accepted; the items run as a job",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkViews.Operation.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = BulkActionRequest.class), examples = {
                    @ExampleObject(name = "by-ids", summary = "The items named", value = BY_IDS),
                    @ExampleObject(name = "all-that-match", summary = "All that a search finds", value = ALL_THAT_MATCH)}))
            @Valid @RequestBody BulkActionRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            BulkViews.Operation started = bulk.start(request.type(), request.action(), request.ids(), request.match(),
                    request.params());
            return ResponseEntity.accepted().location(URI.create("/api/v1/bulk/" + started.id())).body(started);
        });
    }

    @Operation(summary = "Your bulk actions, newest first")
    @GetMapping
    PageResponse<BulkViews.Operation> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(bulk.mine(Paging.of(page, size, Sort.unsorted())), o -> o);
    }

    @Operation(summary = "One bulk action and its progress: total, done, succeeded, failed (yours, or anyone's for an "
            + "admin)")
    @GetMapping("/{id}")
    BulkViews.Operation get(@PathVariable UUID id) {
        return bulk.get(id);
    }

    @Operation(summary = "Each item's outcome in request order: succeeded, or failed with the reason in words")
    @GetMapping("/{id}/items")
    PageResponse<BulkViews.ItemOutcome> items(@PathVariable UUID id, @RequestParam(required = false) BulkItemState state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(bulk.items(id, state, Paging.of(page, size, Sort.unsorted())), i -> i);
    }

    @Operation(summary = "Undo a finished bulk action: every item it changed is put back, as a job (202). 409 while it "
            + "runs, once undone, or a day after it finished; an item changed since fails its undo with the reason")
    @ApiResponse(responseCode = "202", description = "The undo runs as a job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkViews.Operation.class)))
    @PostMapping("/{id}/undo")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<BulkViews.Operation> undo(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(bulk.undo(id));
    }

    @Operation(summary = "Cancel a running bulk action: items not reached yet are skipped, those done stay done "
            + "(undo them with /undo). 409 once it has finished")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    BulkViews.Operation cancel(@PathVariable UUID id) {
        return bulk.cancel(id);
    }
}
