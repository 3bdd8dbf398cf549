package io.flightdeck.planning.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.team.TeamAvailabilityView;
import io.flightdeck.planning.team.TeamTimeOff;
import io.flightdeck.planning.team.TimeOffView;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members' time off, and the hours they are available day by day. */
@RestController
@RequestMapping("/api/v1/team")
@Tag(name = "Team availability", description = "Time off and hours available per day")
class TeamTimeOffApiController {

    private final TeamTimeOff availability;
    private final IdempotencyKeys idempotencyKeys;

    TeamTimeOffApiController(TeamTimeOff availability, IdempotencyKeys idempotencyKeys) {
        this.availability = availability;
        this.idempotencyKeys = idempotencyKeys;
    }

    record TimeOffRequest(@Schema(example = "2030-06-03") LocalDate startsOn, @Schema(example = "2030-06-07") LocalDate endsOn,
            @Schema(example = "Summer holiday") String reason) {
    }

    private record Keyed(UUID userId, TimeOffRequest request) {
    }

    @Operation(summary = "A member's time off, earliest first")
    @GetMapping("/members/{userId}/time-off")
    List<TimeOffView> list(@PathVariable UUID userId) {
        return availability.timeOff(userId);
    }

    @Operation(summary = "Add time off, both days included (managers, or the member themself). At most 366 days, not "
            + "wholly in the past; 409 time-off-overlaps when it overlaps another entry. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The time off added",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TimeOffView.class)))
    @PostMapping("/members/{userId}/time-off")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    ResponseEntity<?> add(@PathVariable UUID userId, @RequestBody TimeOffRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, new Keyed(userId, request), () -> {
            TimeOffView added = availability.addTimeOff(userId, request.startsOn(), request.endsOn(), request.reason());
            return ResponseEntity.created(URI.create("/api/v1/team/time-off/" + added.id())).body(added);
        });
    }

    @Operation(summary = "One time-off entry")
    @GetMapping("/time-off/{id}")
    TimeOffView get(@PathVariable UUID id) {
        return availability.findTimeOff(id);
    }

    @Operation(summary = "Remove time off (managers, or the member it belongs to)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/time-off/{id}")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        availability.deleteTimeOff(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Hours a member is available per day in [from, to] (at most 92 days; default from today for "
            + "two weeks): weekly hours times capacity, 0 on weekends, workspace holidays and time off")
    @GetMapping("/members/{userId}/availability")
    TeamAvailabilityView availability(@PathVariable UUID userId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return availability.availability(userId, from, to);
    }
}
