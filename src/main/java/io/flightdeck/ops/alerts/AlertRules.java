package io.flightdeck.ops.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current workspace's alert rules: Flightdeck's own, made the first time they are asked for (by a person or the
 * evaluator), and the workspace's. The callers check that the person is an admin.
 */
@Service
public class AlertRules {

    private final AlertRuleRepository rules;
    private final Clock clock;

    AlertRules(AlertRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Every rule, Flightdeck's own first, then by name. */
    @Transactional
    public List<AlertRuleView> list() {
        return ensured().stream().map(AlertRule::view).toList();
    }

    @Transactional(readOnly = true)
    public AlertRuleView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public AlertRuleView create(AlertRuleInput input) {
        AlertRuleSettings settings = input.check();
        return rules.save(new AlertRule(null, settings, clock.instant())).view();
    }

    /**
     * Changes a rule (a built-in one too: its threshold, wait, severity, or off).
     *
     * @param expectedVersion the version the person saw (If-Match), or null to change whatever is there
     */
    @Transactional
    public AlertRuleView change(UUID id, AlertRuleInput input, @Nullable Long expectedVersion) {
        AlertRule rule = find(id);
        AlertRuleSettings settings = input.check();
        if (expectedVersion != null && expectedVersion != rule.getVersion()) {
            throw new PreconditionFailedException(rule.getVersion());
        }
        rule.change(settings, clock.instant());
        return rules.saveAndFlush(rule).view();
    }

    /** Deletes a rule of the workspace's own, and its alerts; Flightdeck's own are switched off instead (409). */
    @Transactional
    public void delete(UUID id) {
        AlertRule rule = find(id);
        if (rule.getBuiltinKey() != null) {
            throw new ConflictException("builtin-rule", "\"" + rule.getName() + "\" is one of Flightdeck's own rules: "
                    + "switch it off instead of deleting it.");
        }
        rules.delete(rule);
    }

    /** Every rule of the workspace, Flightdeck's own made first where missing. Needs a transaction. */
    List<AlertRule> ensured() {
        List<AlertRule> all = rules.findAllInOrder();
        Set<String> have = Set.copyOf(all.stream().map(AlertRule::getBuiltinKey).filter(k -> k != null).toList());
        if (have.size() == BuiltinRules.ALL.size()) {
            return all;
        }
        for (Map.Entry<String, AlertRuleSettings> builtin : BuiltinRules.ALL.entrySet()) {
            if (!have.contains(builtin.getKey())) {
                rules.save(new AlertRule(builtin.getKey(), builtin.getValue(), clock.instant()));
            }
        }
        rules.flush();
        return rules.findAllInOrder();
    }

    private AlertRule find(UUID id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Alert rule"));
    }
}
