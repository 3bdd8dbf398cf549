package io.flightdeck.content.providers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GenerationUsageRepository extends JpaRepository<GenerationUsage, UUID> {

    @Query("select coalesce(sum(u.inputTokens + u.outputTokens), 0) from GenerationUsage u where u.createdAt >= ?1")
    long tokensSince(Instant since);

    @Query("select u from GenerationUsage u where u.createdAt >= ?1 and u.createdAt < ?2")
    Page<GenerationUsage> findBetween(Instant from, Instant to, Pageable pageable);

    /** Per provider and model: calls, input and output tokens, cost, failures. */
    @Query("""
            select u.providerName, u.model, count(u), sum(u.inputTokens), sum(u.outputTokens), sum(u.costMicros),
                   sum(case when u.outcome = 'ok' then 0 else 1 end), avg(u.latencyMs)
            from GenerationUsage u where u.createdAt >= ?1 and u.createdAt < ?2
            group by u.providerName, u.model order by u.providerName, u.model""")
    List<Object[]> summary(Instant from, Instant to);
}
