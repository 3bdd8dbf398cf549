package io.flightdeck.planning.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationContext;

/**
 * Crafted planning data for the task tests, written straight through the package-private repositories: team
 * profiles (skills, hours per weekday), time off, and a timeline laid out from a hand-made template.
 */
public final class TaskTestData {

    private final TeamProfileRepository profiles;
    private final TimeOffRepository timeOff;
    private final TimelineTemplateRepository templates;
    private final TimelinePlanner planner;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    public TaskTestData(ApplicationContext context) {
        this.profiles = context.getBean(TeamProfileRepository.class);
        this.timeOff = context.getBean(TimeOffRepository.class);
        this.templates = context.getBean(TimelineTemplateRepository.class);
        this.planner = context.getBean(TimelinePlanner.class);
        this.campaigns = context.getBean(CampaignDirectory.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A template item for {@link #timeline}: a task of {@code days} working days after the given keys. */
    public static TemplateItem task(String key, String title, int days, double hours, Map<String, Integer> skills,
            String... after) {
        return new TemplateItem(key, title, TaskKind.TASK, days, hours, skills, List.of(after), null);
    }

    public static TemplateItem milestone(String key, String title, String... after) {
        return new TemplateItem(key, title, TaskKind.MILESTONE, 0, 0, Map.of(), List.of(after), null);
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

    /** Lays a timeline out forwards from today (or the campaign's later start) from a template of these items. */
    public void timeline(UUID workspaceId, UUID campaignId, List<TemplateItem> items) {
        TenantScope.run(workspaceId, () -> {
            TimelineTemplate template = templates.save(new TimelineTemplate(CampaignType.OTHER,
                    "Crafted " + UUID.randomUUID().toString().substring(0, 6), null, false, items, clock.instant()));
            planner.generate(campaigns.find(campaignId).orElseThrow(), template, TimelineDirection.FORWARD);
        });
    }

    /** The first working day on or after today, as the plan counts. */
    public LocalDate firstWorkingDay() {
        LocalDate day = LocalDate.now(clock);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
