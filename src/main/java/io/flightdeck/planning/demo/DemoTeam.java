package io.flightdeck.planning.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.team.TeamDirectory;
import io.flightdeck.planning.team.TeamProfileChange;
import io.flightdeck.planning.team.TeamTimeOff;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo team's planning profiles: a job title, skills with levels and weekly hours for every member (the
 * contributor works part time), and a week off next month. Order 5: before the campaigns arrive, so timelines and
 * auto-assignment in later demo steps see the skills.
 */
@Component
@Order(5)
class DemoTeam implements DemoDataContributor {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private record Profile(String title, Map<String, Double> hours, Map<String, Integer> skills, int capacity) {
    }

    private final TeamDirectory profiles;
    private final TeamTimeOff availability;
    private final MemberDirectory members;
    private final Clock clock;

    DemoTeam(TeamDirectory profiles, TeamTimeOff availability, MemberDirectory members, Clock clock) {
        this.profiles = profiles;
        this.availability = availability;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        MemberSummary owner = members.find(workspace.member(Role.OWNER)).orElseThrow();
        Actor actor = new Actor(owner.userId(), workspace.workspaceId(), Role.OWNER, owner.email(),
                owner.displayName(), BERLIN, null);
        CurrentActor.runAs(actor, () -> {
            profiles().forEach((role, profile) -> {
                if (workspace.member(role) != null) {
                    profiles.change(workspace.member(role), new TeamProfileChange(profile.title(), BERLIN.getId(),
                            profile.hours(), profile.skills(), profile.capacity()), null);
                }
            });
            LocalDate firstMonday = LocalDate.now(clock.withZone(BERLIN)).plusMonths(1).withDayOfMonth(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            availability.addTimeOff(workspace.member(Role.MANAGER), firstMonday, firstMonday.plusDays(4),
                    "Family holiday");
            return null;
        });
    }

    private static Map<Role, Profile> profiles() {
        Map<Role, Profile> team = new LinkedHashMap<>();
        team.put(Role.OWNER, new Profile("Head of Marketing", week(8, 8, 8, 8, 8),
                skills("strategy", 5, "analytics", 3, "project-management", 3), 50));
        team.put(Role.ADMIN, new Profile("Marketing Operations Lead", week(8, 8, 8, 8, 8),
                skills("email", 5, "analytics", 4, "seo", 3, "paid-media", 3), 80));
        team.put(Role.MANAGER, new Profile("Campaign Manager", week(8, 8, 8, 8, 8),
                skills("project-management", 5, "paid-media", 4, "events", 4, "strategy", 3, "copywriting", 3), 90));
        team.put(Role.CONTRIBUTOR, new Profile("Content Designer (part time)", week(6, 6, 6, 6, 0),
                skills("copywriting", 4, "design", 5, "social", 4, "video", 3, "seo", 2), 100));
        team.put(Role.APPROVER, new Profile("Brand and Legal Reviewer", week(8, 8, 8, 8, 4),
                skills("brand", 5, "legal-review", 4), 30));
        team.put(Role.VIEWER, new Profile("Sales Liaison", week(8, 8, 8, 8, 8), skills("sales", 4, "crm", 3), 0));
        return team;
    }

    private static Map<String, Double> week(double mon, double tue, double wed, double thu, double fri) {
        Map<String, Double> hours = new LinkedHashMap<>();
        hours.put("MONDAY", mon);
        hours.put("TUESDAY", tue);
        hours.put("WEDNESDAY", wed);
        hours.put("THURSDAY", thu);
        hours.put("FRIDAY", fri);
        return hours;
    }

    private static Map<String, Integer> skills(Object... pairs) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            skills.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return skills;
    }
}
