package io.flightdeck.shared.search;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The repository a module declares for its {@link MassIndexingRun} rows, so {@link MassIndexing} can write them. */
@NoRepositoryBean
public interface MassIndexingRunRepository<R extends MassIndexingRun> extends JpaRepository<R, UUID> {

    Optional<R> findFirstByOrderByRequestedAtDescIdDesc();
}
