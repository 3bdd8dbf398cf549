package io.flightdeck.planning.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place the team is read for capacity, workload and performance figures: the members, their profiles (the
 * defaults for members without one), their time off in a window, and the workspace's calendar, in four queries
 * whatever the team's size. Each call reads it once; the {@link Roster} then answers every per-member, per-day
 * question from memory.
 */
@Component
@Transactional(readOnly = true)
public class TeamRoster {

    private final MemberDirectory members;
    private final TeamProfileRepository profiles;
    private final TimeOffRepository timeOff;
    private final PlanningSettingsService settings;
    private final Clock clock;

    TeamRoster(MemberDirectory members, TeamProfileRepository profiles, TimeOffRepository timeOff,
            PlanningSettingsService settings, Clock clock) {
        this.members = members;
        this.profiles = profiles;
        this.timeOff = timeOff;
        this.settings = settings;
        this.clock = clock;
    }

    /** The team as it works over [from, to]: time off overlapping the window is read, nothing outside it. */
    public Roster over(LocalDate from, LocalDate to) {
        List<MemberSummary> all = members.members();
        Map<UUID, TeamProfile> byUser = profiles.findAll().stream()
                .collect(Collectors.toMap(TeamProfile::getUserId, Function.identity(), (a, b) -> a, HashMap::new));
        Map<UUID, List<TimeOff>> away = timeOff.findByStartsOnLessThanEqualAndEndsOnGreaterThanEqual(to, from)
                .stream().collect(Collectors.groupingBy(TimeOff::getUserId));
        return new Roster(all, byUser, away, settings.calendar(), clock);
    }

    /** Members who can be assigned work (contributors and up), without their profiles: one query. */
    public List<MemberSummary> assignable() {
        return members.members().stream().filter(TeamRoster::takesWork).toList();
    }

    static boolean takesWork(MemberSummary member) {
        return member.role().includes(Role.CONTRIBUTOR);
    }

    /** A member's hours on a day before the calendar is asked: none while away, else their weekday's share. */
    static double hoursOn(TeamProfile profile, List<TimeOff> away, LocalDate day) {
        return away.stream().anyMatch(off -> off.covers(day)) ? 0 : profile.hoursOn(day);
    }

    /** Hours a member works in [from, to]: their weekday hours on working days they are not away. */
    static double availableHours(TeamProfile profile, List<TimeOff> away, LocalDate from, LocalDate to,
            WorkingCalendar calendar) {
        double hours = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                hours += hoursOn(profile, away, day);
            }
        }
        return hours;
    }

    /** Members ordered by name (case-insensitive), then id, as every team list shows them. */
    static List<MemberSummary> byName(List<MemberSummary> list) {
        return list.stream().sorted(Comparator.comparing(MemberSummary::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.userId().toString())).toList();
    }

    /** The team read for one window; members without a profile answer with the defaults. */
    public static final class Roster {

        private final List<MemberSummary> members;
        private final Map<UUID, TeamProfile> profiles;
        private final Map<UUID, List<TimeOff>> away;
        private final WorkingCalendar calendar;
        private final Clock clock;

        private Roster(List<MemberSummary> members, Map<UUID, TeamProfile> profiles, Map<UUID, List<TimeOff>> away,
                WorkingCalendar calendar, Clock clock) {
            this.members = members;
            this.profiles = profiles;
            this.away = away;
            this.calendar = calendar;
            this.clock = clock;
        }

        public WorkingCalendar calendar() {
            return calendar;
        }

        /** Members who can be assigned work: contributors and up. */
        public List<MemberSummary> assignable() {
            return members.stream().filter(TeamRoster::takesWork).toList();
        }

        /** Assignable members, plus anyone else in {@code withWork}, by name: the rows of workload and performance. */
        public List<MemberSummary> rows(Set<UUID> withWork) {
            return byName(members.stream()
                    .filter(m -> takesWork(m) || withWork.contains(m.userId())).toList());
        }

        public Map<String, Integer> skills(UUID userId) {
            return profile(userId).getSkills();
        }

        public String jobTitle(UUID userId) {
            return profile(userId).getJobTitle();
        }

        public int capacityPct(UUID userId) {
            return profile(userId).getCapacityPct();
        }

        /** The member's hours on a day before the calendar is asked (0 while away). */
        public double hoursOn(UUID userId, LocalDate day) {
            return TeamRoster.hoursOn(profile(userId), away(userId), day);
        }

        /** Hours the member works in [from, to]: working days only, none while away. */
        public double availableHours(UUID userId, LocalDate from, LocalDate to) {
            return TeamRoster.availableHours(profile(userId), away(userId), from, to, calendar);
        }

        private TeamProfile profile(UUID userId) {
            return profiles.computeIfAbsent(userId, id -> new TeamProfile(id, clock.instant())); // the defaults
        }

        private List<TimeOff> away(UUID userId) {
            return away.getOrDefault(userId, List.of());
        }
    }
}
