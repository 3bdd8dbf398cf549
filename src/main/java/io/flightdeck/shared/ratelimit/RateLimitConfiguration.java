package io.flightdeck.shared.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the buckets live. On PostgreSQL, in the table {@code rate_limit_buckets} (Bucket4j's advisory-lock manager:
 * a request's check is one short transaction), so every node counts against the same buckets; a bucket's row expires
 * once it would be full again and a job removes it. On H2, which one node uses, in this node's memory.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** A bucket is kept this long past the moment it would be full again (a caller coming back finds it). */
    private static final Duration KEEP = Duration.ofSeconds(10);

    @Bean
    ProxyManager<String> rateLimitBuckets(DataSource dataSource, RateLimitProperties properties) throws SQLException {
        if (database(dataSource, properties)) {
            return inDatabase(dataSource);
        }
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(200_000))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP))
                .build();
    }

    /** The buckets in PostgreSQL's table; each node builds its own manager over the same rows. */
    static ProxyManager<String> inDatabase(DataSource dataSource) {
        return Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP))
                .build();
    }

    @Bean
    RateLimits rateLimits(ProxyManager<String> rateLimitBuckets, RateLimitProperties properties) {
        return new RateLimits(rateLimitBuckets, properties);
    }

    @Bean
    RecurringTask<Void> rateLimitBucketCleanup(ProxyManager<String> rateLimitBuckets) {
        return JobTasks.every("rate-limit-bucket-cleanup", Duration.ofMinutes(5), () -> {
            if (rateLimitBuckets instanceof ExpiredEntriesCleaner cleaner) {
                while (cleaner.removeExpired(1_000) == 1_000) {
                    // in batches, so no long lock on the table
                }
            }
        });
    }

    private static boolean database(DataSource dataSource, RateLimitProperties properties) throws SQLException {
        return switch (properties.store()) {
            case "database" -> true;
            case "memory" -> false;
            case "auto" -> {
                try (Connection connection = dataSource.getConnection()) {
                    yield connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
                }
            }
            default -> throw new IllegalStateException("flightdeck.rate-limits.store must be auto, database or memory, "
                    + "not " + properties.store());
        };
    }
}
