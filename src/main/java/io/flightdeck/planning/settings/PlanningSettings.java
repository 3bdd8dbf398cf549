package io.flightdeck.planning.settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A workspace's planning settings: whether new campaigns get a timeline, the buffer added per campaign priority (a
 * share of the plan's length) and the holidays timelines skip.
 */
@Entity
@Table(name = "planning_settings")
class PlanningSettings extends TenantOwnedEntity {

    private boolean autoTimeline = true;
    private int bufferUrgent = 5;
    private int bufferHigh = 10;
    private int bufferMedium = 15;
    private int bufferLow = 20;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<LocalDate> holidays = new ArrayList<>();
    @Version
    private Long version;

    int bufferPct(CampaignPriority priority) {
        return switch (priority) {
            case URGENT -> bufferUrgent;
            case HIGH -> bufferHigh;
            case MEDIUM -> bufferMedium;
            case LOW -> bufferLow;
        };
    }

    WorkingCalendar calendar() {
        return new WorkingCalendar(new HashSet<>(holidays));
    }

    void change(boolean autoTimeline, int urgent, int high, int medium, int low, List<LocalDate> holidays) {
        this.autoTimeline = autoTimeline;
        this.bufferUrgent = urgent;
        this.bufferHigh = high;
        this.bufferMedium = medium;
        this.bufferLow = low;
        this.holidays = new ArrayList<>(holidays.stream().distinct().sorted().toList());
    }

    boolean isAutoTimeline() {
        return autoTimeline;
    }

    List<LocalDate> getHolidays() {
        return List.copyOf(holidays);
    }

    Long getVersion() {
        return version;
    }
}
