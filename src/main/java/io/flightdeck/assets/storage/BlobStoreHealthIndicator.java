package io.flightdeck.assets.storage;

import java.io.IOException;

import io.flightdeck.shared.health.HealthStatuses;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The blob store as a health component ({@code blobStore}): degraded when it cannot take
 * content, with the reason (uploads fail, while the node serves everything else). */
@Component("blobStoreHealthIndicator")
class BlobStoreHealthIndicator implements HealthIndicator {

    private final BlobStore store;

    BlobStoreHealthIndicator(BlobStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.check();
            return Health.up().withDetail("store", store.describe()).build();
        } catch (IOException | RuntimeException e) {
            return Health.status(HealthStatuses.DEGRADED).withDetail("store", store.describe()).withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
