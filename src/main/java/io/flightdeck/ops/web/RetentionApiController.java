package io.flightdeck.ops.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.ops.retention.RetentionPoliciesInput;
import io.flightdeck.ops.retention.RetentionPolicies;
import io.flightdeck.ops.retention.RetentionPolicyView;
import io.flightdeck.ops.retention.RetentionRunView;
import io.flightdeck.ops.retention.RetentionRuns;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.export.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention and clean-up, for admins: how long the workspace keeps each kind of record, the clean-up runs with what
 * each removed, a run started now, and the exports written before a purge.
 */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention")
@PreAuthorize("hasRole('ADMIN')")
class RetentionApiController {

    /** JSON Lines: one JSON object per line. */
    static final String JSON_LINES = "application/x-ndjson";

    private final RetentionPolicies policies;
    private final RetentionRuns runs;

    RetentionApiController(RetentionPolicies policies, RetentionRuns runs) {
        this.policies = policies;
        this.runs = runs;
    }

    @Operation(summary = "Each kind's retention: days kept (or its default), export before purge, its bounds and what "
            + "a purge of it never removes")
    @GetMapping("/policies")
    List<RetentionPolicyView> policies() {
        return policies.list();
    }

    @Operation(summary = "Set the retention of the kinds named (the others stay as they are); every mistake is "
            + "answered at once, by field, and nothing is written")
    @PutMapping("/policies")
    List<RetentionPolicyView> change(@RequestBody RetentionPoliciesInput input) {
        return policies.change(input.policies());
    }

    @Operation(summary = "The clean-up runs, newest first: per kind the cutoff, the rows removed and the export")
    @GetMapping("/runs")
    PageResponse<RetentionRunView> runs(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(runs.page(Paging.of(page, size, Sort.unsorted())), r -> r);
    }

    @Operation(summary = "One clean-up run")
    @GetMapping("/runs/{id}")
    RetentionRunView run(@PathVariable UUID id) {
        return runs.get(id);
    }

    @Operation(summary = "Run the clean-up of this workspace now: 202 with the run, queued as a job (follow it at "
            + "Location); 409 while another run is under way")
    @ApiResponse(responseCode = "202", description = "Accepted; the run goes as a job",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RetentionRunView.class)))
    @PostMapping("/runs")
    ResponseEntity<RetentionRunView> runNow() {
        RetentionRunView run = runs.runNow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/retention/runs/" + run.id())).body(run);
    }

    @Operation(summary = "The export one run wrote of one kind before purging it: the deleted rows as JSON Lines, "
            + "streamed (404 when the run exported none of that kind)")
    @ApiResponse(responseCode = "200", description = "The rows, one JSON object a line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(type = "string")))
    @GetMapping(value = "/runs/{id}/exports/{kind}", produces = JSON_LINES)
    void export(@PathVariable UUID id, @PathVariable String kind, HttpServletResponse response) throws IOException {
        runs.exportParts(id, kind); // every refusal (404) before the download starts
        runs.writeExport(id, kind, Downloads.start(response, JSON_LINES, fileName(id, kind)));
    }

    static String fileName(UUID run, String kind) {
        return "retention-" + kind.replaceAll("[^a-z-]", "") + "-" + run + ".jsonl";
    }
}
