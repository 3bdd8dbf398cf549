package io.flightdeck.assets.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetIndexRebuildView;
import io.flightdeck.assets.domain.AssetIndexRebuilds;
import io.flightdeck.assets.domain.AssetSearch;
import io.flightdeck.assets.domain.AssetSearchQuery;
import io.flightdeck.assets.domain.AssetSearchResult;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asset search (docs/assets.md "Search"): ranked full text with seed 001's filters and facet counts, for every
 * member; and the rebuild of the workspace's search index, for admins.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign assets")
class AssetSearchApiController {

    private static final String REBUILD = "/api/v1/campaign-assets/search-index/rebuild";

    private final AssetSearch search;
    private final AssetIndexRebuilds rebuilds;

    AssetSearchApiController(AssetSearch search, AssetIndexRebuilds rebuilds) {
        this.search = search;
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Search the workspace's assets: words in the title, headline, name, description, copy and call "
            + "to action (all must match; \"a phrase\", prefix*, -word), filtered by type (any of, repeatable), tags (all "
            + "of, repeatable), platform (any of, repeatable), space, campaign, part of the file name (any case) and "
            + "archived (live ones by default); sorted by relevance (newest first without words) or newest; paged within "
            + "the first 10,000 hits, with counts per type, tag, platform and space over all the hits (facets=false "
            + "leaves them out, which makes a broad search much cheaper). An upload or edit is found as soon as it is "
            + "answered")
    @GetMapping("/search")
    AssetSearchResult search(@RequestParam(required = false) @Size(max = 500) String q,
            @RequestParam(required = false) Set<AssetType> type, @RequestParam(required = false) Set<String> tag,
            @RequestParam(required = false) Set<AdPlatform> platform, @RequestParam(required = false) UUID spaceId,
            @RequestParam(required = false) UUID campaignId, @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) Boolean archived, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "true") boolean facets) {
        PageRequest paging = Paging.of(page, size, Sort.unsorted());
        return search.search(new AssetSearchQuery(q, type, tag, platform, spaceId, campaignId, name, archived, order(sort)),
                paging.getPageNumber(), paging.getPageSize(), facets);
    }

    /** The search's {@code sort}: relevance (the default) or newest; anything else is a 400. */
    static AssetSearchQuery.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return AssetSearchQuery.Order.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> AssetSearchQuery.Order.RELEVANCE;
            case "newest" -> AssetSearchQuery.Order.NEWEST;
            default -> throw new InvalidInputException("sort", "is relevance or newest");
        };
    }

    @Operation(summary = "Rebuild the workspace's asset search index from the database (admins), as a background job; "
            + "202 with the rebuild to follow at the Location. While one is queued or running, that one is answered")
    @ApiResponse(responseCode = "202", description = "The rebuild requested; follow it at Location",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AssetIndexRebuildView.class)))
    @PostMapping("/search-index/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AssetIndexRebuildView> rebuild() {
        AssetIndexRebuilds.Requested requested = rebuilds.request();
        return ResponseEntity.accepted().location(URI.create(REBUILD)).body(requested.rebuild());
    }

    @Operation(summary = "The latest rebuild of the workspace's asset search index (admins): QUEUED, RUNNING, SUCCEEDED "
            + "or FAILED, with assets indexed so far out of the total, when it started and finished, and the error; 404 "
            + "when the index was never rebuilt")
    @GetMapping("/search-index/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    AssetIndexRebuildView rebuildProgress() {
        return rebuilds.latest().orElseThrow(() -> new NotFoundException("A rebuild of the search index"));
    }
}
