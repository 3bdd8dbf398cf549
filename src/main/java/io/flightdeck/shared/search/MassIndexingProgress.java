package io.flightdeck.shared.search;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;

/** What the mass indexer reports, read by the job's own thread. */
final class MassIndexingProgress implements MassIndexingMonitor {

    private final LongAdder done = new LongAdder();
    // one group per entity type: the total grows as each group has counted its own
    private final AtomicLong counted = new AtomicLong();
    private volatile Long total;

    long done() {
        return done.sum();
    }

    /** Null until a type group has counted. */
    Long total() {
        return total;
    }

    @Override
    public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext context) {
        return new MassIndexingTypeGroupMonitor() {
            @Override
            public void documentsIndexed(long increment) {
                // counted in documentsAdded
            }

            @Override
            public void indexingStarted(MassIndexingTypeGroupMonitorContext started) {
                started.totalCount().ifPresent(count -> total = counted.addAndGet(count));
            }

            @Override
            public void indexingCompleted(MassIndexingTypeGroupMonitorContext completed) {
            }
        };
    }

    @Override
    public void documentsAdded(long increment) {
        done.add(increment);
    }

    @Override
    public void documentsBuilt(long increment) {
    }

    @Override
    public void entitiesLoaded(long increment) {
    }

    @Override
    public void indexingCompleted() {
    }
}
