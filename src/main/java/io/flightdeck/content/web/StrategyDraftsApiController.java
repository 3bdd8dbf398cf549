package io.flightdeck.content.web;

import java.util.UUID;

import io.flightdeck.content.StrategyDraft;
import io.flightdeck.content.strategydrafts.StrategyDrafts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/content/strategy-drafts} answers a draft (nothing saved). Apart from the draft page because only
 * a {@code @RestController} has its errors answered as problem documents; beside a page handler they were HTML.
 */
@RestController
@Tag(name = "Strategy drafts")
class StrategyDraftsApiController {

    private final StrategyDrafts drafts;

    StrategyDraftsApiController(StrategyDrafts drafts) {
        this.drafts = drafts;
    }

    record ContentStrategyDraftRequest(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID campaignId,
            @Schema(example = "built-in") @Size(max = 40) String provider) {
    }

    @Operation(summary = "Draft a strategy for a campaign from its type, channels, objective and description and "
            + "what worked in the workspace's past campaigns, as generate-strategy does (contributors); nothing is "
            + "saved: save it through the strategies API or the draft page")
    @PostMapping("/api/v1/content/strategy-drafts")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    StrategyDraft draft(@Valid @RequestBody ContentStrategyDraftRequest request) {
        return drafts.draft(request.campaignId(), request.provider());
    }
}
