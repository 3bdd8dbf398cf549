package io.flightdeck.assets.domain;

import io.flightdeck.shared.search.MassIndexingRunRepository;

interface AssetIndexRebuildRepository extends MassIndexingRunRepository<AssetIndexRebuild> {
}
