package io.flightdeck.search.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.search.domain.SearchReindexView;
import io.flightdeck.search.domain.SearchReindexes;
import io.flightdeck.search.domain.SearchResults;
import io.flightdeck.search.domain.SiteSearch;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one search box over the API (docs/search.md): every member searches what their role may open; admins rebuild
 * the workspace's search indexes.
 */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search")
class SearchApiController {

    private final SiteSearch search;
    private final SearchReindexes reindexes;

    SearchApiController(SiteSearch search, SearchReindexes reindexes) {
        this.search = search;
        this.reindexes = reindexes;
    }

    @Operation(summary = "Search campaigns, tasks, creatives, posts, email campaigns, contacts, task comments, templates and "
            + "assets at once: every word must match the title or text, a typo or two allowed; ranked, each hit with a "
            + "highlighted snippet (HTML: matches in <mark>, the rest escaped) and its page. Filters: type, status, "
            + "owner, tag and channel (each repeatable, any of), from/to (days, UTC, inclusive). Facets count every hit "
            + "by type, status, owner, tag, channel and date. Only what the member's role may open is searched")
    @GetMapping
    SearchResults search(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) List<@Size(max = 40) String> type,
            @RequestParam(required = false) List<@Size(max = 40) String> status,
            @RequestParam(required = false) List<UUID> owner,
            @RequestParam(required = false) List<@Size(max = 100) String> tag,
            @RequestParam(required = false) List<@Size(max = 40) String> channel,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        SearchParameters parameters = new SearchParameters(q, type, status, owner, tag, channel, from, to, page, size);
        Actor actor = CurrentActor.require();
        return search.search(parameters.query(), actor.userId(), actor.role(), parameters.pageIndex(),
                parameters.pageSize());
    }

    @Operation(summary = "Rebuild the workspace's search indexes from the database (admins), as a background job; 202 "
            + "with the reindex to follow at the Location. While one is queued or running, that one is answered")
    @ApiResponse(responseCode = "202", description = "The reindex requested; follow it at Location",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SearchReindexView.class)))
    @PostMapping("/reindex")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SearchReindexView> reindex() {
        SearchReindexes.Requested requested = reindexes.request();
        return ResponseEntity.accepted().location(URI.create("/api/v1/search/reindex/" + requested.reindex().id()))
                .body(requested.reindex());
    }

    @Operation(summary = "A reindex (admins): QUEUED, RUNNING, SUCCEEDED or FAILED, with the items indexed so far out "
            + "of the total, when it started and finished, and the error")
    @GetMapping("/reindex/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    SearchReindexView reindexProgress(@PathVariable UUID id) {
        return reindexes.find(id).orElseThrow(() -> new NotFoundException("A reindex"));
    }
}
