package io.flightdeck.planning.settings;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's planning settings as a service: reads them (the defaults apply without a row until someone changes
 * them), checks and saves a manager's change, and hands the rest of planning what it plans with: the working calendar,
 * the buffer for a campaign's priority, and whether new campaigns get a timeline. Public for planning's other feature
 * packages; other modules and the web layer use {@link PlanningPreferences}.
 */
@Service
@Transactional(readOnly = true)
public class PlanningSettingsService implements PlanningPreferences {

    static final int MAX_HOLIDAYS = 100;

    private final PlanningSettingsRepository settings;

    PlanningSettingsService(PlanningSettingsRepository settings) {
        this.settings = settings;
    }

    @Override
    public PlanningSettingsView view() {
        return view(current());
    }

    @Override
    @Transactional
    public PlanningSettingsView change(PlanningSettingsChange change, Long expectedVersion) {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change planning settings");
        }
        List<LocalDate> holidays = problems(change);
        PlanningSettings row = persisted();
        if (expectedVersion != null && !expectedVersion.equals(row.getVersion())) {
            throw new PreconditionFailedException(row.getVersion());
        }
        row.change(change.autoTimeline(), change.bufferUrgent(), change.bufferHigh(), change.bufferMedium(),
                change.bufferLow(), holidays);
        return view(settings.saveAndFlush(row));
    }

    PlanningSettings current() {
        return settings.findFirstBy().orElseGet(PlanningSettings::new);
    }

    /** The current row, written down first if the workspace still runs on the defaults (for changes). */
    @Transactional
    PlanningSettings persisted() {
        return settings.findFirstBy().orElseGet(() -> settings.saveAndFlush(new PlanningSettings()));
    }

    /** Working days: Monday to Friday less the workspace's holidays. */
    public WorkingCalendar calendar() {
        return current().calendar();
    }

    /** The buffer after a plan's last task for a campaign of this priority, in percent of the plan's length. */
    public int bufferPct(CampaignPriority priority) {
        return current().bufferPct(priority);
    }

    /** Whether new campaigns get a timeline from their type's default template. */
    public boolean autoTimeline() {
        return current().isAutoTimeline();
    }

    @Override
    @Transactional(readOnly = true)
    public void check(PlanningSettingsChange change) {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change planning settings");
        }
        problems(change);
    }

    /** The holidays of a change that keeps every rule; else a refusal listing each field at fault. */
    private static List<LocalDate> problems(PlanningSettingsChange change) {
        InputProblems problems = new InputProblems();
        check("bufferUrgent", change.bufferUrgent(), problems);
        check("bufferHigh", change.bufferHigh(), problems);
        check("bufferMedium", change.bufferMedium(), problems);
        check("bufferLow", change.bufferLow(), problems);
        List<LocalDate> holidays = change.holidays() == null ? List.of() : change.holidays();
        if (holidays.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add("holidays", "must be dates such as 2026-12-25");
        } else if (holidays.stream().distinct().count() > MAX_HOLIDAYS) {
            problems.add("holidays", "at most " + MAX_HOLIDAYS + " holidays");
        }
        problems.throwIfAny("The planning settings");
        return holidays;
    }

    private static void check(String field, int pct, InputProblems problems) {
        if (pct < 0 || pct > 100) {
            problems.add(field, "must be between 0 and 100 percent");
        }
    }

    private static PlanningSettingsView view(PlanningSettings s) {
        return new PlanningSettingsView(s.isAutoTimeline(), s.bufferPct(CampaignPriority.URGENT),
                s.bufferPct(CampaignPriority.HIGH), s.bufferPct(CampaignPriority.MEDIUM),
                s.bufferPct(CampaignPriority.LOW), s.getHolidays(), s.getVersion() == null ? 0 : s.getVersion());
    }
}
