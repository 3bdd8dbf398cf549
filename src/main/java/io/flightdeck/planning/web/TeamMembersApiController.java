package io.flightdeck.planning.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.team.TeamDirectory;
import io.flightdeck.planning.team.TeamMemberView;
import io.flightdeck.planning.team.TeamProfileChange;
import io.flightdeck.planning.team.TeamScheduleChange;
import io.flightdeck.planning.team.TeamSkillView;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members' planning profiles (skills, weekly hours, time zone, capacity), the workspace's skills, bulk schedules. */
@RestController
@RequestMapping("/api/v1/team")
@Tag(name = "Team", description = "Members' planning profiles: skills with levels, weekly availability, capacity")
class TeamMembersApiController {

    private final TeamDirectory profiles;

    TeamMembersApiController(TeamDirectory profiles) {
        this.profiles = profiles;
    }

    /**
     * A profile change; null fields keep their value, an empty job title clears it, weekdays left out of weeklyHours
     * get 0 hours.
     */
    record TeamMemberProfileRequest(@Schema(example = "Copywriter") String jobTitle,
            @Schema(description = "IANA time zone", example = "Europe/Berlin") String timeZone,
            @Schema(description = "Hours per weekday", example = "{\"MONDAY\":8,\"TUESDAY\":8,\"WEDNESDAY\":8,\"THURSDAY\":8,\"FRIDAY\":4}")
            Map<String, Double> weeklyHours,
            @Schema(description = "Skill name to level 1-5", example = "{\"copywriting\":4,\"seo\":2}") Map<String, Integer> skills,
            @Schema(description = "Share of the hours available for campaign work", example = "80") Integer capacityPct) {
    }

    record TeamSchedulesRequest(@Schema(example = "[\"01a20264-4f1b-71fb-8235-0871f90ae023\"]") List<UUID> memberIds,
            @Schema(description = "Hours per weekday", example = "{\"MONDAY\":6,\"TUESDAY\":6,\"WEDNESDAY\":6,\"THURSDAY\":6,\"FRIDAY\":6}")
            Map<String, Double> weeklyHours,
            @Schema(example = "90") Integer capacityPct,
            @Schema(description = "IANA time zone", example = "Europe/Berlin") String timeZone) {
    }

    @Operation(summary = "Every member with their planning profile; members who never set one show the defaults "
            + "(8 h Monday to Friday, UTC, capacity 100 %, no skills)")
    @GetMapping("/members")
    List<TeamMemberView> members() {
        return profiles.members();
    }

    @Operation(summary = "One member's profile, with its version as ETag; 404 for someone outside the workspace")
    @GetMapping("/members/{userId}")
    ResponseEntity<TeamMemberView> member(@PathVariable UUID userId) {
        TeamMemberView member = profiles.member(userId);
        return ResponseEntity.ok().eTag(ETags.of(member.version())).body(member);
    }

    @Operation(summary = "Change a profile (managers, or the member themself unless a viewer). If-Match guards "
            + "against overwriting a newer version (412). Job title at most 120 characters, a valid time zone, 0 to 24 "
            + "hours per weekday (MONDAY to SUNDAY; missing days are 0), skills name to level 1 to 5 (names lower-cased, "
            + "letters, digits and dashes, at most 30), capacity 0 to 100")
    @PutMapping("/members/{userId}")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    ResponseEntity<TeamMemberView> change(@PathVariable UUID userId, @RequestBody TeamMemberProfileRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TeamMemberView changed = profiles.change(userId, new TeamProfileChange(request.jobTitle(), request.timeZone(),
                request.weeklyHours(), request.skills(), request.capacityPct()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "The workspace's skills: how many members have each, how many at each level, and who")
    @GetMapping("/skills")
    List<TeamSkillView> skills() {
        return profiles.skills();
    }

    @Operation(summary = "Give several members the same weekly hours, and optionally capacity and time zone "
            + "(managers). All or nothing: a bad value or a non-member id (400 naming it) changes nobody")
    @PutMapping("/schedules")
    @PreAuthorize("hasRole('MANAGER')")
    List<TeamMemberView> schedules(@RequestBody TeamSchedulesRequest request) {
        return profiles.changeSchedules(new TeamScheduleChange(request.memberIds(), request.weeklyHours(),
                request.capacityPct(), request.timeZone()));
    }
}
