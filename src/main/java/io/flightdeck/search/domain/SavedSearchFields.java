package io.flightdeck.search.domain;

import io.flightdeck.search.SearchCriteria;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a member sets on a saved search; on a change, what is left out stays as it was. On saving, {@code name} and
 * {@code query} are needed, {@code visibility} defaults to PRIVATE and {@code alert} to off. Sharing with the workspace
 * needs a contributor, since it changes what colleagues see.
 */
@Schema(name = "SavedSearchRequest")
public record SavedSearchFields(
        @Nullable @Size(max = SavedSearchFields.MAX_NAME) @Schema(example = "Spring launch tasks") String name,
        @Nullable SavedSearchVisibility visibility,
        @Nullable @Valid SearchCriteria query,
        @Nullable @Schema(description = "Tell me when new results appear") Boolean alert) {

    public static final int MAX_NAME = 120;
}
