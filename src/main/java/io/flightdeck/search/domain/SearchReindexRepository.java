package io.flightdeck.search.domain;

import io.flightdeck.shared.search.MassIndexingRunRepository;

interface SearchReindexRepository extends MassIndexingRunRepository<SearchReindex> {
}
