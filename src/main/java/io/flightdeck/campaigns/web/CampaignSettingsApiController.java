package io.flightdeck.campaigns.web;

import io.flightdeck.campaigns.domain.CampaignReadiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaign-settings")
@Tag(name = "Campaigns")
class CampaignSettingsApiController {

    private final CampaignReadiness readiness;

    CampaignSettingsApiController(CampaignReadiness readiness) {
        this.readiness = readiness;
    }

    record CampaignSettingsBody(@Schema(description = "Readiness score a launch needs without forcing", example = "80")
            @NotNull @Min(0) @Max(100) Integer readinessThreshold) {
    }

    @Operation(summary = "The workspace's campaign settings: the readiness score a launch needs")
    @GetMapping
    CampaignSettingsBody get() {
        return new CampaignSettingsBody(readiness.readinessThreshold());
    }

    @Operation(summary = "Change the launch threshold (admins)")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    CampaignSettingsBody update(@Valid @RequestBody CampaignSettingsBody settings) {
        return new CampaignSettingsBody(readiness.changeReadinessThreshold(settings.readinessThreshold()));
    }
}
