package io.flightdeck.ops.alerts;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current workspace's system alerts, for admins: read, acknowledge, resolve. */
@Service
public class SystemAlerts {

    private final SystemAlertRepository alerts;
    private final AlertRuleRepository rules;
    private final Clock clock;

    SystemAlerts(SystemAlertRepository alerts, AlertRuleRepository rules, Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.clock = clock;
    }

    /** The alerts in any of the statuses (all when none is named), newest first. */
    @Transactional(readOnly = true)
    public Page<AlertView> page(Set<AlertStatus> statuses, Pageable pageable) {
        Set<AlertStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(AlertStatus.class) : statuses;
        return alerts.findByStatuses(wanted, pageable).map(SystemAlert::view);
    }

    @Transactional(readOnly = true)
    public AlertView get(UUID id) {
        return find(id).view();
    }

    /** Unresolved alerts by severity (a severity with none is left out). */
    @Transactional(readOnly = true)
    public Map<AlertSeverity, Long> unresolvedBySeverity() {
        Map<AlertSeverity, Long> counts = new EnumMap<>(AlertSeverity.class);
        for (Object[] row : alerts.countUnresolvedBySeverity()) {
            counts.put((AlertSeverity) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Someone is on it: the alert stays until its condition clears or a person resolves it. 409 unless open. */
    @Transactional
    public AlertView acknowledge(UUID id) {
        SystemAlert alert = find(id);
        alert.acknowledge(CurrentActor.require().userId(), clock.instant());
        return alerts.save(alert).view();
    }

    /**
     * A person says it is dealt with. Should the condition still hold, the rule waits its time again before a new
     * alert opens. 409 when already resolved.
     */
    @Transactional
    public AlertView resolve(UUID id) {
        SystemAlert alert = find(id);
        alert.resolve(TenantScope.require(), CurrentActor.require().userId(), clock.instant());
        rules.findById(alert.getRuleId()).ifPresent(rule -> rule.startWaitAgain(clock.instant()));
        return alerts.save(alert).view();
    }

    private SystemAlert find(UUID id) {
        return alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"));
    }
}
