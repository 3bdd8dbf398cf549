package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.search.SearchCriteria;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A saved search as a member sees it: {@code link} opens its results; {@code mine} says whether the member may change
 * it. {@code alertCheckedAt} is when the alert last looked for new hits (null until it has).
 */
@Schema(name = "SavedSearch")
public record SavedSearchView(UUID id, @Schema(example = "Spring launch tasks") String name,
        SavedSearchVisibility visibility, SearchCriteria query,
        @Schema(example = "/search?q=spring%20launch&type=task") String link, boolean alert,
        @Nullable Instant alertCheckedAt, UUID ownerId, @Schema(example = "Dana Park") String ownerName, boolean mine,
        Instant createdAt, Instant updatedAt, long version) {
}
