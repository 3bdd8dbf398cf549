package io.flightdeck.planning.team;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member's planning profile: skills with levels (1–5), hours per weekday in their time zone, and the share of those
 * hours available for campaign work (capacity). Members without a row work 8 hours Monday to Friday at 100 %.
 */
@Entity
@Table(name = "team_profiles")
class TeamProfile extends TenantOwnedEntity {

    private UUID userId;
    private String jobTitle;
    private String timeZone = "UTC";
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<DayOfWeek, Double> weeklyHours = standardWeek();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Integer> skills = new LinkedHashMap<>();
    private int capacityPct = 100;
    private Instant updatedAt;
    @Version
    private Long version;

    protected TeamProfile() {
    }

    TeamProfile(UUID userId, Instant now) {
        this.userId = userId;
        this.updatedAt = now;
    }

    static Map<DayOfWeek, Double> standardWeek() {
        Map<DayOfWeek, Double> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.0 : 8.0);
        }
        return week;
    }

    void change(String jobTitle, String timeZone, Map<DayOfWeek, Double> weeklyHours, Map<String, Integer> skills,
            int capacityPct, Instant now) {
        this.jobTitle = jobTitle;
        this.timeZone = timeZone;
        this.weeklyHours = new EnumMap<>(weeklyHours);
        this.skills = new LinkedHashMap<>(skills);
        this.capacityPct = capacityPct;
        this.updatedAt = now;
    }

    void schedule(Map<DayOfWeek, Double> weeklyHours, Instant now) {
        this.weeklyHours = new EnumMap<>(weeklyHours);
        this.updatedAt = now;
    }

    /** A bulk schedule change: new weekly hours, and capacity or time zone when given (null keeps them). */
    void reschedule(Map<DayOfWeek, Double> weeklyHours, Integer capacityPct, String timeZone, Instant now) {
        schedule(weeklyHours, now);
        if (capacityPct != null) {
            this.capacityPct = capacityPct;
        }
        if (timeZone != null) {
            this.timeZone = timeZone;
        }
    }

    /** Whether this profile has been written down (members without a row run on the defaults). */
    boolean isSaved() {
        return version != null;
    }

    /** Hours available for campaign work on a day, before time off and holidays. */
    double hoursOn(LocalDate day) {
        return weeklyHours.getOrDefault(day.getDayOfWeek(), 0.0) * capacityPct / 100.0;
    }

    double weeklyCapacity() {
        return weeklyHours.values().stream().mapToDouble(Double::doubleValue).sum() * capacityPct / 100.0;
    }

    UUID getUserId() {
        return userId;
    }

    String getJobTitle() {
        return jobTitle;
    }

    String getTimeZone() {
        return timeZone;
    }

    Map<DayOfWeek, Double> getWeeklyHours() {
        return Map.copyOf(weeklyHours);
    }

    Map<String, Integer> getSkills() {
        return Map.copyOf(skills);
    }

    int getCapacityPct() {
        return capacityPct;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Long getVersion() {
        return version;
    }
}
