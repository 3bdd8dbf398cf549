package io.flightdeck.shared.search;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where a module keeps its {@link MassIndexingRun} rows, as its own (package-private) repository answers: the latest
 * run, a run by id, and saving a new one. Functions rather than a shared repository interface, so that repositories
 * stay inside their modules.
 */
public record MassIndexingRuns<R extends MassIndexingRun>(Supplier<Optional<R>> latest,
        Function<UUID, Optional<R>> find, UnaryOperator<R> save) {
}
