package io.flightdeck.search.web;

import java.net.URI;
import java.util.UUID;

import io.flightdeck.search.domain.SavedSearchFields;
import io.flightdeck.search.domain.SavedSearchView;
import io.flightdeck.search.domain.SavedSearches;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
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
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Saved searches (docs/search.md): a member's own, private or shared with the workspace, each optionally watched for
 * new results. Any member keeps private ones; sharing needs a contributor; only the owner changes one.
 */
@RestController
@RequestMapping("/api/v1/saved-searches")
@Tag(name = "Search")
class SavedSearchesApiController {

    private final SavedSearches searches;

    SavedSearchesApiController(SavedSearches searches) {
        this.searches = searches;
    }

    @Operation(summary = "Your saved searches and those shared with the workspace, by name")
    @GetMapping
    PageResponse<SavedSearchView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(searches.list(Paging.of(page, size, Sort.unsorted())), s -> s);
    }

    @Operation(summary = "Save a search: a name, its words and filters as GET /api/v1/search takes them, PRIVATE "
            + "(the default) or shared with the WORKSPACE (contributors), and whether to be told of new results (the "
            + "alert looks every 15 minutes and counts only what appears after it was switched on)")
    @ApiResponse(responseCode = "201", description = "The search saved",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SavedSearchView.class)))
    @PostMapping
    ResponseEntity<SavedSearchView> save(@Valid @RequestBody SavedSearchFields body) {
        SavedSearchView saved = searches.save(body);
        return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
                .eTag(ETags.of(saved.version())).body(saved);
    }

    @Operation(summary = "One saved search; its ETag is what If-Match takes")
    @GetMapping("/{id}")
    ResponseEntity<SavedSearchView> get(@PathVariable UUID id) {
        SavedSearchView view = searches.get(id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Rename, share, change the search or switch its alert (its owner); what is left out stays; "
            + "honours If-Match")
    @PatchMapping("/{id}")
    ResponseEntity<SavedSearchView> change(@PathVariable UUID id, @Valid @RequestBody SavedSearchFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SavedSearchView view = searches.change(id, body, ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Remove a saved search (its owner, or an admin for a shared one)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        searches.delete(id);
        return ResponseEntity.noContent().build();
    }
}
