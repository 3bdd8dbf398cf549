package io.flightdeck.search.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What is searched for: words (may be empty: then everything, newest first) and filters, each list matching any of
 * its values. Dates are days in UTC, both ends included.
 */
public record SearchQuery(String text, List<SearchType> types, List<String> statuses, List<UUID> owners,
        List<String> tags, List<String> channels, LocalDate from, LocalDate to) {

    public SearchQuery {
        text = text == null ? "" : text.strip();
        types = types == null ? List.of() : List.copyOf(types);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        owners = owners == null ? List.of() : List.copyOf(owners);
        tags = tags == null ? List.of() : List.copyOf(tags);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static SearchQuery words(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null);
    }

    boolean hasText() {
        return !text.isEmpty();
    }
}
