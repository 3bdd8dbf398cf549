package io.flightdeck.approvals.web;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.DeadlineSettings;
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

/** How long an approval stage may wait before it is overdue and escalates, per urgency. */
@RestController
@RequestMapping("/api/v1/approval-settings")
@Tag(name = "Approval settings")
class ApprovalSettingsApiController {

    private final ApprovalSetup setup;

    ApprovalSettingsApiController(ApprovalSetup setup) {
        this.setup = setup;
    }

    record ApprovalDeadlinesRequest(@Schema(example = "4") @NotNull @Min(1) @Max(2160) Integer urgentHours,
            @Schema(example = "24") @NotNull @Min(1) @Max(2160) Integer highHours,
            @Schema(example = "72") @NotNull @Min(1) @Max(2160) Integer normalHours,
            @Schema(example = "168") @NotNull @Min(1) @Max(2160) Integer lowHours) {
    }

    /** @param enabled whether the member who requested a review is kept from approving it */
    record ApprovalDutiesRequest(@Schema(example = "true") @NotNull Boolean enabled) {
    }

    /** Separation of duties: when enabled (the default), the member who requested a review cannot approve it. */
    record ApprovalDutiesSetting(boolean enabled) {
    }

    @Operation(summary = "Whether separation of duties is on: the member who requested a review cannot approve it "
            + "(on by default)")
    @GetMapping("/separation-of-duties")
    ApprovalDutiesSetting duties() {
        return new ApprovalDutiesSetting(setup.separatesDuties());
    }

    @Operation(summary = "Turn separation of duties on or off (managers); it applies to every approval from now on")
    @PutMapping("/separation-of-duties")
    @PreAuthorize("hasRole('MANAGER')")
    ApprovalDutiesSetting changeDuties(@Valid @RequestBody ApprovalDutiesRequest request) {
        return new ApprovalDutiesSetting(setup.changeSeparationOfDuties(request.enabled()));
    }

    @Operation(summary = "Hours a stage may wait per urgency (4, 24, 72 and 168 by default)")
    @GetMapping
    DeadlineSettings get() {
        return setup.deadlines();
    }

    @Operation(summary = "Change the deadlines (managers); stages opened from now on use them")
    @PutMapping
    @PreAuthorize("hasRole('MANAGER')")
    DeadlineSettings update(@Valid @RequestBody ApprovalDeadlinesRequest request) {
        return setup.changeDeadlines(new DeadlineSettings(request.urgentHours(), request.highHours(),
                request.normalHours(), request.lowHours()));
    }
}
