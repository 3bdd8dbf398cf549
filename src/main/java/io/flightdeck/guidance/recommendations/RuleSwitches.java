package io.flightdeck.guidance.recommendations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which recommendation rules are on in the current workspace: each rule's default from its file, unless the workspace
 * chose otherwise. A choice is kept as made, so it outlives a later change of the rule's default. Who may switch a
 * rule (admins) is the web layer's check.
 */
@Service
public class RuleSwitches {

    /** One rule as the workspace has it. */
    public record RuleSwitch(String ruleId, int version, RuleKind kind, String title, boolean enabledByDefault,
            boolean enabled) {
    }

    // two admins switching the same rule for the first time at once: the second insert meets the unique key, and its
    // retry finds the first one's row and changes it
    private static final RetryTemplate AGAIN = ConcurrentWrites.retrying(
            e -> e instanceof DataIntegrityViolationException, 3, Duration.ofMillis(5));

    private final RuleBook rules;
    private final RuleSettingRepository settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RuleSwitches(RuleBook rules, RuleSettingRepository settings, Clock clock, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Every rule, on or off in this workspace. */
    @Transactional(readOnly = true)
    public List<RuleSwitch> list() {
        Map<String, Boolean> chosen = chosen();
        return rules.all().stream().map(rule -> view(rule, chosen)).toList();
    }

    /** The rules that are on in this workspace, for {@link Recommender#recommend}. */
    @Transactional(readOnly = true)
    public List<RuleDefinition> enabledRules() {
        Map<String, Boolean> chosen = chosen();
        return rules.all().stream().filter(rule -> chosen.getOrDefault(rule.id(), rule.enabledByDefault())).toList();
    }

    @Transactional(readOnly = true)
    public boolean isOn(String ruleId) {
        RuleDefinition rule = rules.require(ruleId);
        return settings.findByRuleId(ruleId).map(RuleSetting::enabled).orElse(rule.enabledByDefault());
    }

    /** Switches a rule on or off for this workspace; an unknown rule is not found. */
    public RuleSwitch set(String ruleId, boolean enabled) {
        RuleDefinition rule = rules.require(ruleId);
        var by = CurrentActor.require().userId();
        AGAIN.invoke(() -> transactions.execute(status -> {
            settings.findByRuleId(ruleId).ifPresentOrElse(
                    setting -> setting.change(enabled, by, clock.instant()),
                    () -> settings.saveAndFlush(new RuleSetting(ruleId, enabled, by, clock.instant())));
            return null;
        }));
        return view(rule, Map.of(ruleId, enabled));
    }

    private Map<String, Boolean> chosen() {
        return settings.findAll().stream().collect(Collectors.toMap(RuleSetting::ruleId, RuleSetting::enabled));
    }

    private static RuleSwitch view(RuleDefinition rule, Map<String, Boolean> chosen) {
        return new RuleSwitch(rule.id(), rule.version(), rule.kind(), rule.titleTemplate(), rule.enabledByDefault(),
                chosen.getOrDefault(rule.id(), rule.enabledByDefault()));
    }
}
