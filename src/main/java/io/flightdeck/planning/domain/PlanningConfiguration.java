package io.flightdeck.planning.domain;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a workspace's planning settings; until someone changes them, the defaults apply without a row. */
@Service
@Transactional(readOnly = true)
public class PlanningConfiguration {

    static final int MAX_HOLIDAYS = 100;

    private final PlanningSettingsRepository settings;

    PlanningConfiguration(PlanningSettingsRepository settings) {
        this.settings = settings;
    }

    public PlanningSettingsView view() {
        return view(current());
    }

    /**
     * Replaces the settings (managers). Timelines already laid out keep their dates until they are recalculated or
     * generated again.
     */
    @Transactional
    public PlanningSettingsView change(PlanningSettingsChange change, Long expectedVersion) {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers change planning settings");
        }
        check("bufferUrgent", change.bufferUrgent());
        check("bufferHigh", change.bufferHigh());
        check("bufferMedium", change.bufferMedium());
        check("bufferLow", change.bufferLow());
        List<LocalDate> holidays = change.holidays() == null ? List.of() : change.holidays();
        if (holidays.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("holidays", "must be dates such as 2026-12-25");
        }
        if (holidays.stream().distinct().count() > MAX_HOLIDAYS) {
            throw new InvalidInputException("holidays", "at most " + MAX_HOLIDAYS + " holidays");
        }
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

    WorkingCalendar calendar() {
        return current().calendar();
    }

    int bufferPct(CampaignPriority priority) {
        return current().bufferPct(priority);
    }

    boolean autoTimeline() {
        return current().isAutoTimeline();
    }

    private static void check(String field, int pct) {
        if (pct < 0 || pct > 100) {
            throw new InvalidInputException(field, "must be between 0 and 100 percent");
        }
    }

    private static PlanningSettingsView view(PlanningSettings s) {
        return new PlanningSettingsView(s.isAutoTimeline(), s.bufferPct(CampaignPriority.URGENT),
                s.bufferPct(CampaignPriority.HIGH), s.bufferPct(CampaignPriority.MEDIUM),
                s.bufferPct(CampaignPriority.LOW), s.getHolidays(), s.getVersion() == null ? 0 : s.getVersion());
    }
}
