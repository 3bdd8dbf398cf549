package io.flightdeck.search.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.search.domain.SearchQuery;
import io.flightdeck.search.domain.SearchType;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;

/** The search's request parameters, shared by the API and the results page, checked once. */
record SearchParameters(String q, List<String> type, List<String> status, List<UUID> owner, List<String> tag,
        List<String> channel, LocalDate from, LocalDate to, Integer page, Integer size) {

    static final int MAX_WORDS = 200;

    SearchQuery query() {
        if (q != null && q.length() > MAX_WORDS) {
            throw new InvalidInputException("q", "is at most " + MAX_WORDS + " characters");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "is on or after from");
        }
        List<SearchType> types = new ArrayList<>();
        for (String key : type == null ? List.<String>of() : type) {
            types.add(SearchType.of(key).orElseThrow(() -> new InvalidInputException("type",
                    "is one of " + String.join(", ", java.util.Arrays.stream(SearchType.values()).map(SearchType::key).toList()))));
        }
        return new SearchQuery(q, types, status, owner, tag, channel, from, to);
    }

    int pageIndex() {
        return page == null || page < 0 ? 0 : page;
    }

    int pageSize() {
        return size == null || size < 1 ? Paging.DEFAULT_SIZE : Math.min(size, Paging.MAX_SIZE);
    }
}
