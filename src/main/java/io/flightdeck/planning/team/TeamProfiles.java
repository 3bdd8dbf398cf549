package io.flightdeck.planning.team;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' planning profiles: job title, time zone, hours per weekday, capacity and skills. Managers change anyone's;
 * every member but a viewer changes their own. Members without a row run on the defaults until the first change.
 */
@Service
@Transactional
class TeamProfiles implements TeamDirectory {

    static final int MAX_BULK = 200;

    private final MemberDirectory members;
    private final TeamProfileRepository profiles;
    private final Clock clock;

    TeamProfiles(MemberDirectory members, TeamProfileRepository profiles, Clock clock) {
        this.members = members;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Every member of the workspace with their profile, by name. */
    @Override
    @Transactional(readOnly = true)
    public List<TeamMemberView> members() {
        Map<UUID, TeamProfile> byUser = profilesByUser();
        return TeamRoster.byName(members.members()).stream()
                .map(m -> view(m, byUser.getOrDefault(m.userId(), defaults(m.userId())))).toList();
    }

    /** One member; 404 for someone who is not a member of this workspace. */
    @Override
    @Transactional(readOnly = true)
    public TeamMemberView member(UUID userId) {
        MemberSummary member = requireMember(userId);
        return view(member, profile(userId));
    }

    @Override
    public TeamMemberView change(UUID userId, TeamProfileChange change, Long expectedVersion) {
        MemberSummary member = requireMember(userId);
        requireSelfOrManager(userId);
        TeamProfile profile = profile(userId);
        long current = etagVersion(profile);
        if (expectedVersion != null && expectedVersion != current) {
            throw new PreconditionFailedException(current);
        }
        InputProblems problems = new InputProblems();
        String jobTitle = change.jobTitle() == null ? profile.getJobTitle() : TeamProfileRules.jobTitle(change.jobTitle(), problems);
        String zone = change.timeZone() == null ? profile.getTimeZone() : TeamProfileRules.timeZone(change.timeZone(), problems);
        Map<DayOfWeek, Double> hours = change.weeklyHours() == null ? profile.getWeeklyHours()
                : TeamProfileRules.weeklyHours(change.weeklyHours(), problems);
        Map<String, Integer> skills = change.skills() == null ? profile.getSkills()
                : TeamProfileRules.skills(change.skills(), problems);
        int capacity = change.capacityPct() == null ? profile.getCapacityPct()
                : TeamProfileRules.capacityPct(change.capacityPct(), problems);
        problems.throwIfAny("The profile");
        profile.change(jobTitle, zone, hours, skills, capacity, clock.instant());
        return view(member, profiles.saveAndFlush(profile));
    }

    /** Checks a change without writing it, for a form that could not read every field: every problem at once. */
    @Override
    @Transactional(readOnly = true)
    public void checkChange(UUID userId, TeamProfileChange change) {
        requireMember(userId);
        requireSelfOrManager(userId);
        InputProblems problems = new InputProblems();
        if (change.jobTitle() != null) {
            TeamProfileRules.jobTitle(change.jobTitle(), problems);
        }
        if (change.timeZone() != null) {
            TeamProfileRules.timeZone(change.timeZone(), problems);
        }
        if (change.weeklyHours() != null) {
            TeamProfileRules.weeklyHours(change.weeklyHours(), problems);
        }
        TeamProfileRules.skills(change.skills(), problems);
        if (change.capacityPct() != null) {
            TeamProfileRules.capacityPct(change.capacityPct(), problems);
        }
        problems.throwIfAny("The profile");
    }

    /**
     * One schedule for several members (managers): everything is checked before anything is written, so a bad value
     * or a non-member changes nobody. Returns the updated profiles in the order asked.
     */
    @Override
    public List<TeamMemberView> changeSchedules(TeamScheduleChange change) {
        requireManager();
        List<UUID> ids = change.memberIds() == null ? List.of() : change.memberIds();
        if (ids.isEmpty()) {
            throw new InvalidInputException("memberIds", "choose at least one member");
        }
        if (ids.size() > MAX_BULK) {
            throw new InvalidInputException("memberIds", "at most " + MAX_BULK + " members at once");
        }
        Map<UUID, MemberSummary> directory = members.members().stream()
                .collect(Collectors.toMap(MemberSummary::userId, Function.identity()));
        Set<UUID> chosen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (id == null || !directory.containsKey(id)) {
                throw new InvalidInputException("memberIds[" + i + "]", "no member " + id + " in this workspace");
            }
            chosen.add(id);
        }
        InputProblems problems = new InputProblems();
        Map<DayOfWeek, Double> hours = TeamProfileRules.weeklyHours(change.weeklyHours(), problems);
        Integer capacity = change.capacityPct() == null ? null : TeamProfileRules.capacityPct(change.capacityPct(), problems);
        String zone = change.timeZone() == null || change.timeZone().isBlank() ? null
                : TeamProfileRules.timeZone(change.timeZone(), problems);
        problems.throwIfAny("The schedule");

        Map<UUID, TeamProfile> existing = profiles.findByUserIdIn(chosen).stream()
                .collect(Collectors.toMap(TeamProfile::getUserId, Function.identity()));
        List<TeamProfile> changed = new ArrayList<>();
        for (UUID id : chosen) {
            TeamProfile profile = existing.getOrDefault(id, defaults(id));
            profile.reschedule(hours, capacity, zone, clock.instant());
            changed.add(profile);
        }
        Map<UUID, TeamProfile> saved = profiles.saveAllAndFlush(changed).stream() // one batch of writes
                .collect(Collectors.toMap(TeamProfile::getUserId, Function.identity()));
        return chosen.stream().map(id -> view(directory.get(id), saved.get(id))).toList();
    }

    /** Each skill somebody has, most widespread first. */
    @Override
    @Transactional(readOnly = true)
    public List<TeamSkillView> skills() {
        Map<UUID, String> names = new HashMap<>();
        members.members().forEach(m -> names.put(m.userId(), m.displayName()));
        Map<String, List<TeamSkillView.Holder>> holders = new TreeMap<>();
        for (TeamProfile profile : profiles.findAll()) {
            String name = names.get(profile.getUserId());
            if (name == null) {
                continue; // a former member's profile stays behind but is not the team's any more
            }
            profile.getSkills().forEach((skill, level) -> holders.computeIfAbsent(skill, s -> new ArrayList<>())
                    .add(new TeamSkillView.Holder(profile.getUserId(), name, level)));
        }
        List<TeamSkillView> skills = new ArrayList<>();
        holders.forEach((skill, list) -> {
            list.sort(Comparator.comparingInt(TeamSkillView.Holder::level).reversed()
                    .thenComparing(TeamSkillView.Holder::displayName));
            Map<Integer, Integer> levels = new LinkedHashMap<>();
            for (int level = 1; level <= 5; level++) {
                int l = level;
                levels.put(level, (int) list.stream().filter(h -> h.level() == l).count());
            }
            skills.add(new TeamSkillView(skill, list.size(), levels, List.copyOf(list)));
        });
        skills.sort(Comparator.comparingInt(TeamSkillView::members).reversed().thenComparing(TeamSkillView::name));
        return skills;
    }

    // ---- for time off and availability

    MemberSummary requireMember(UUID userId) {
        return members.find(userId).orElseThrow(() -> new NotFoundException("The team member"));
    }

    /** The member's row, or the defaults (unsaved) when they have none. */
    TeamProfile profile(UUID userId) {
        return profiles.findByUserId(userId).orElseGet(() -> defaults(userId));
    }

    private Map<UUID, TeamProfile> profilesByUser() {
        return profiles.findAll().stream().collect(Collectors.toMap(TeamProfile::getUserId, Function.identity()));
    }

    TeamProfile defaults(UUID userId) {
        return new TeamProfile(userId, clock.instant());
    }

    /** Changing a member's planning data: a manager, or the member themself unless they only view. */
    static void requireSelfOrManager(UUID userId) {
        Actor actor = CurrentActor.require();
        boolean self = actor.userId().equals(userId) && actor.role() != Role.VIEWER;
        if (!self && !actor.role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change other members' planning profiles");
        }
    }

    static void requireManager() {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change several schedules at once");
        }
    }

    static TeamMemberView view(MemberSummary member, TeamProfile profile) {
        Map<DayOfWeek, Double> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, profile.getWeeklyHours().getOrDefault(day, 0.0));
        }
        Map<String, Integer> skills = new LinkedHashMap<>(new TreeMap<>(profile.getSkills()));
        return new TeamMemberView(member.userId(), member.displayName(), member.email(), member.role(),
                profile.getJobTitle(), profile.getTimeZone(), hours, skills, profile.getCapacityPct(),
                TeamFigures.round(profile.weeklyCapacity()), profile.isSaved(), etagVersion(profile),
                profile.getUpdatedAt());
    }

    /** The ETag value: 0 for a member on the defaults, the row's version plus one once saved. */
    static long etagVersion(TeamProfile profile) {
        return profile.isSaved() ? profile.getVersion() + 1 : 0;
    }
}
