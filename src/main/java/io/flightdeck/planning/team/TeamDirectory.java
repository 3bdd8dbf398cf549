package io.flightdeck.planning.team;

import java.util.List;
import java.util.UUID;

/**
 * Members' planning profiles: job title, time zone, hours per weekday, capacity and skills. Managers change anyone's;
 * every member but a viewer changes their own. Members without a profile run on the defaults until the first change.
 */
public interface TeamDirectory {

    /** Every member of the workspace with their profile, by name. */
    List<TeamMemberView> members();

    /** One member; 404 for someone who is not a member of this workspace. */
    TeamMemberView member(UUID userId);

    /** Changes a profile; a refusal lists every field at fault. */
    TeamMemberView change(UUID userId, TeamProfileChange change, Long expectedVersion);

    /** Checks a change without writing it (a form that could not read every field): every problem at once. */
    void checkChange(UUID userId, TeamProfileChange change);

    /** One schedule for several members (managers), all or nothing; the updated profiles in the order asked. */
    List<TeamMemberView> changeSchedules(TeamScheduleChange change);

    /** Each skill somebody has, most widespread first. */
    List<TeamSkillView> skills();
}
