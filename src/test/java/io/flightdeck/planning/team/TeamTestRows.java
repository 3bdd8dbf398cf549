package io.flightdeck.planning.team;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationContext;

/** Team rows written straight through the package-private repositories, for tests of other planning packages. */
public final class TeamTestRows {

    private final TeamProfileRepository profiles;
    private final TimeOffRepository timeOff;
    private final Clock clock;

    public TeamTestRows(ApplicationContext context) {
        this.profiles = context.getBean(TeamProfileRepository.class);
        this.timeOff = context.getBean(TimeOffRepository.class);
        this.clock = context.getBean(Clock.class);
    }

    /** Gives a member skills and the same hours every weekday (weekends off), at full capacity. */
    public void profile(UUID workspaceId, UUID userId, Map<String, Integer> skills, double hoursPerWeekday) {
        TenantScope.run(workspaceId, () -> {
            TeamProfile profile = profiles.findByUserId(userId).orElseGet(() -> new TeamProfile(userId, clock.instant()));
            Map<DayOfWeek, Double> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.0 : hoursPerWeekday);
            }
            profile.change("Tester", "UTC", week, skills, 100, clock.instant());
            profiles.save(profile);
        });
    }

    public void timeOff(UUID workspaceId, UUID userId, LocalDate from, LocalDate to) {
        TenantScope.run(workspaceId, () -> timeOff.save(new TimeOff(userId, from, to, "Holiday", clock.instant())));
    }
}
