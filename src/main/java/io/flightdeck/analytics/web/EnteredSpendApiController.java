package io.flightdeck.analytics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.analytics.budget.EnteredSpend;
import io.flightdeck.analytics.budget.EnteredSpend.EnteredSpendDay;
import io.flightdeck.analytics.budget.EnteredSpend.SpendEntered;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spend entered by hand per channel and period: managers enter and remove it, anyone in the workspace lists it.
 * Entered again for the same channel and days, it replaces what was entered.
 */
@RestController
@Tag(name = "Analytics")
class EnteredSpendApiController {

    private final EnteredSpend spend;

    EnteredSpendApiController(EnteredSpend spend) {
        this.spend = spend;
    }

    record SpendEntry(@Schema(example = "SEARCH_ADS") String channel, @Schema(example = "2026-11-01") LocalDate from,
            @Schema(example = "2026-11-07") LocalDate to, @Schema(example = "700.00") BigDecimal amount,
            @Schema(example = "EUR") String currency) {
    }

    record SpendRemoved(@Schema(example = "7") int removedDays) {
    }

    @Operation(summary = "Enter a channel's spend for a period (managers): the amount is spread evenly over the days, "
            + "both included (the odd cents on the last), at most 366 days; entering the same channel and days again "
            + "replaces it")
    @PostMapping("/api/v1/analytics/campaigns/{id}/spend")
    @PreAuthorize("hasRole('MANAGER')")
    SpendEntered enter(@PathVariable UUID id, @RequestBody SpendEntry body) {
        return spend.enter(id, body.channel(), body.from(), body.to(), body.amount(), body.currency());
    }

    @Operation(summary = "The campaign's entered spend by channel and day, paged")
    @GetMapping("/api/v1/analytics/campaigns/{id}/spend")
    PageResponse<EnteredSpendDay> list(@PathVariable UUID id,
            @Parameter(description = "one channel only", example = "SEARCH_ADS") @RequestParam(required = false)
            String channel,
            @Parameter(description = "page, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "days a page, 1 to 100 (20)") @RequestParam(required = false) Integer size) {
        var paging = Paging.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return spend.list(id, channel, paging.getPageNumber(), paging.getPageSize());
    }

    @Operation(summary = "Remove a channel's entered spend of the days from and to, both included (managers); spend "
            + "from other sources stays")
    @DeleteMapping("/api/v1/analytics/campaigns/{id}/spend")
    @PreAuthorize("hasRole('MANAGER')")
    SpendRemoved remove(@PathVariable UUID id,
            @Parameter(example = "SEARCH_ADS") @RequestParam(required = false) String channel,
            @Parameter(example = "2026-11-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(example = "2026-11-07") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new SpendRemoved(spend.remove(id, channel, from, to));
    }
}
