package io.flightdeck.analytics.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.ingest.FactIngest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The bulk API for numbers measured elsewhere: contributors send them, in batches of up to 10,000. */
@RestController
@Tag(name = "Analytics")
class FactsApiController {

    private final FactIngest ingest;

    FactsApiController(FactIngest ingest) {
        this.ingest = ingest;
    }

    record Fact(@Schema(example = "google-ads") String source, @Schema(example = "ad") String objectType,
            @Schema(example = "ad-48213") String objectId,
            @Schema(example = "0b4c6f2e-8d7a-4e1b-9c3d-2a5f6e7b8c9d") UUID campaignId,
            @Schema(example = "SEARCH_ADS") String channel, @Schema(example = "SPEND") Metric metric,
            @Schema(example = "DAY") Granularity granularity,
            @Schema(example = "2026-11-24T00:00:00Z") Instant periodStart, @Schema(example = "125.40") BigDecimal value,
            @Schema(example = "EUR") String currency) {
    }

    record FactsRequest(List<Fact> facts) {
    }

    record FactsWritten(@Schema(example = "1") int written) {
    }

    @Operation(summary = "Write up to 10,000 metric facts at once (contributors). Each is kept once per key (source, "
            + "object type, object id, metric, granularity, period start): sent again, or revised, it replaces the "
            + "number. One wrong fact refuses the whole request, listing each problem, and nothing is written")
    @PostMapping("/api/v1/analytics/facts")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    FactsWritten write(@RequestBody FactsRequest body) {
        List<FactIngest.FactInput> inputs = body.facts() == null ? null : body.facts().stream()
                .map(f -> f == null ? null : new FactIngest.FactInput(f.source(), f.objectType(), f.objectId(),
                        f.campaignId(), f.channel(), f.metric(), f.granularity(), f.periodStart(), f.value(),
                        f.currency()))
                .toList();
        return new FactsWritten(ingest.ingest(inputs));
    }
}
