package io.flightdeck.approvals.domain;

import java.time.Duration;

import io.flightdeck.approvals.Urgency;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workspace's deadlines: hours an approval stage may wait, per urgency. */
@Entity
@Table(name = "approval_settings")
class ApprovalSettings extends TenantOwnedEntity {

    private int urgentHours = 4;
    private int highHours = 24;
    private int normalHours = 72;
    private int lowHours = 168;
    /** Separation of duties: the member who requested a review may not approve it. */
    private boolean separateDuties = true;
    @Version
    private Long version;

    Duration allowed(Urgency urgency) {
        return Duration.ofHours(hours(urgency));
    }

    int hours(Urgency urgency) {
        return switch (urgency) {
            case URGENT -> urgentHours;
            case HIGH -> highHours;
            case NORMAL -> normalHours;
            case LOW -> lowHours;
        };
    }

    void change(int urgent, int high, int normal, int low) {
        this.urgentHours = urgent;
        this.highHours = high;
        this.normalHours = normal;
        this.lowHours = low;
    }

    boolean separatesDuties() {
        return separateDuties;
    }

    void separateDuties(boolean on) {
        this.separateDuties = on;
    }
}
