package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A manager's act of entering or removing spend for a channel and days. The spend itself lives in the facts (written
 * with SQL, which the audit listeners do not see); this row goes through JPA so the audit log says who entered what.
 */
@Entity
@Table(name = "analytics_spend_entries")
class SpendEntry extends TenantOwnedEntity {

    enum Action { ENTERED, REMOVED }

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "from_day", nullable = false, updatable = false)
    private LocalDate fromDay;

    @Column(name = "to_day", nullable = false, updatable = false)
    private LocalDate toDay;

    @Column(updatable = false)
    private BigDecimal amount;

    @Column(updatable = false)
    private String currency;

    protected SpendEntry() {
    }

    private SpendEntry(UUID campaignId, Action action, String channel, LocalDate fromDay, LocalDate toDay,
            BigDecimal amount, String currency) {
        this.campaignId = campaignId;
        this.action = action;
        this.channel = channel;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.amount = amount;
        this.currency = currency;
    }

    static SpendEntry entered(UUID campaignId, String channel, LocalDate from, LocalDate to, BigDecimal amount,
            String currency) {
        return new SpendEntry(campaignId, Action.ENTERED, channel, from, to, amount, currency);
    }

    static SpendEntry removed(UUID campaignId, String channel, LocalDate from, LocalDate to) {
        return new SpendEntry(campaignId, Action.REMOVED, channel, from, to, null, null);
    }
}
