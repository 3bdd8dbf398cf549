package io.flightdeck.ops.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.ops.health.MonitoredMetric;
import io.flightdeck.ops.health.SystemHealth;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every workspace's enabled rules against the metrics, once a minute on one node ({@link AlertJobs}): a rule that has
 * breached for its wait opens an alert unless one is unresolved already (one alert per incident); an unresolved alert
 * whose condition cleared resolves itself. Each workspace in its own scope and transaction, so one that fails is
 * taken again at the next run and holds up no other. The platform's health is read once a run (it is shared).
 */
@Component
class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);
    private static final int PAGE = 200;

    private final WorkspaceDirectory workspaces;
    private final AlertRules rules;
    private final AlertRuleRepository ruleRows;
    private final SystemAlertRepository alerts;
    private final SystemHealth health;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertEvaluation(WorkspaceDirectory workspaces, AlertRules rules, AlertRuleRepository ruleRows,
            SystemAlertRepository alerts, SystemHealth health, TransactionTemplate transactions, Clock clock) {
        this.workspaces = workspaces;
        this.rules = rules;
        this.ruleRows = ruleRows;
        this.alerts = alerts;
        this.health = health;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every workspace, page by page. Answers how many workspaces were evaluated. */
    int evaluateAll() {
        int evaluated = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> page = TenantScope.system("workspaces whose alert rules are evaluated",
                    () -> workspaces.ids(from, PAGE));
            for (UUID workspace : page) {
                try {
                    TenantScope.run(workspace, () -> transactions.executeWithoutResult(status -> evaluate(workspace)));
                    evaluated++;
                } catch (RuntimeException e) {
                    log.warn("Alert rules of workspace {} were not evaluated this time: {}", workspace, e.toString());
                }
            }
            if (page.size() < PAGE) {
                return evaluated;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** The current workspace's rules, in the caller's transaction. */
    void evaluate(UUID workspace) {
        Instant now = clock.instant();
        Map<MonitoredMetric, Double> metrics = health.report().metrics();
        Map<UUID, SystemAlert> unresolved = alerts.findUnresolved().stream()
                .collect(Collectors.toMap(SystemAlert::getRuleId, Function.identity(), (a, b) -> a));
        for (AlertRule rule : rules.ensured()) {
            SystemAlert open = unresolved.get(rule.getId());
            if (!rule.isEnabled()) {
                continue; // its open alert, if any, stays for a person: switching a rule off is no resolution
            }
            double value = MonitoredMetric.ofKey(rule.getMetric()).map(metrics::get).orElse(0.0);
            boolean wantsAlert = rule.observe(value, now);
            if (open != null) {
                if (rule.getBreachingSince() == null) {
                    open.resolve(workspace, null, now);
                } else {
                    open.stillHolds(value);
                }
                alerts.save(open);
            } else if (wantsAlert) {
                alerts.save(new SystemAlert(workspace, rule, value, now));
            }
            ruleRows.save(rule);
        }
    }
}
