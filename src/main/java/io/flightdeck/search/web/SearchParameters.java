package io.flightdeck.search.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.search.SearchCriteria;
import io.flightdeck.search.domain.SearchQuery;
import io.flightdeck.shared.Paging;

/** The search's request parameters, shared by the API and the results page, checked once. */
record SearchParameters(String q, List<String> type, List<String> status, List<UUID> owner, List<String> tag,
        List<String> channel, LocalDate from, LocalDate to, Integer page, Integer size) {

    SearchCriteria saved() {
        return new SearchCriteria(q, type, status, owner, tag, channel, from, to);
    }

    SearchQuery query() {
        return SearchQuery.of(saved());
    }

    int pageIndex() {
        return page == null || page < 0 ? 0 : page;
    }

    int pageSize() {
        return size == null || size < 1 ? Paging.DEFAULT_SIZE : Math.min(size, Paging.MAX_SIZE);
    }
}
