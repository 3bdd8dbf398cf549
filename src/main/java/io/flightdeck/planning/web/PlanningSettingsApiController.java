package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.planning.settings.PlanningPreferences;
import io.flightdeck.planning.settings.PlanningSettingsChange;
import io.flightdeck.planning.settings.PlanningSettingsView;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Automatic timelines on or off, the buffer per campaign priority and the workspace's holidays. */
@RestController
@RequestMapping("/api/v1/planning-settings")
@Tag(name = "Planning settings")
class PlanningSettingsApiController {

    private final PlanningPreferences configuration;

    PlanningSettingsApiController(PlanningPreferences configuration) {
        this.configuration = configuration;
    }

    record PlanningSettingsRequest(@Schema(example = "true") @NotNull Boolean autoTimeline,
            @Schema(description = "Buffer in % of the plan's length for urgent campaigns", example = "5") @NotNull @Min(0) @Max(100) Integer bufferUrgent,
            @Schema(example = "10") @NotNull @Min(0) @Max(100) Integer bufferHigh,
            @Schema(example = "15") @NotNull @Min(0) @Max(100) Integer bufferMedium,
            @Schema(example = "20") @NotNull @Min(0) @Max(100) Integer bufferLow,
            @Schema(example = "[\"2026-12-24\",\"2026-12-25\",\"2027-01-01\"]") @Size(max = 100) List<LocalDate> holidays) {
    }

    @Operation(summary = "The settings: automatic timelines on, buffers 5/10/15/20 % until a manager changes them")
    @GetMapping
    ResponseEntity<PlanningSettingsView> get() {
        PlanningSettingsView view = configuration.view();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Replace the settings (managers); honours If-Match. Existing timelines change when recalculated")
    @PutMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<PlanningSettingsView> update(@Valid @RequestBody PlanningSettingsRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        PlanningSettingsView view = configuration.change(new PlanningSettingsChange(request.autoTimeline(),
                request.bufferUrgent(), request.bufferHigh(), request.bufferMedium(), request.bufferLow(),
                request.holidays() == null ? List.of() : request.holidays()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
