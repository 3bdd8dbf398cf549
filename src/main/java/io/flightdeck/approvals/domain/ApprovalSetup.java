package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.approvals.Urgency;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's approval setup: its scopes and their stages, the deadlines per urgency, and the auto-approval rules.
 * Until a manager changes something, a workspace runs on the defaults (strategy, content, schedule and ads, one
 * review stage each); the first change writes them down.
 */
@Service
@Transactional
public class ApprovalSetup {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final int MAX_SCOPES = 12;
    private static final int MAX_STAGES = 6;

    private final ApprovalScopeRepository scopes;
    private final ApprovalSettingsRepository settings;
    private final AutoApprovalRuleRepository rules;
    private final MemberDirectory members;
    private final Clock clock;

    ApprovalSetup(ApprovalScopeRepository scopes, ApprovalSettingsRepository settings,
            AutoApprovalRuleRepository rules, MemberDirectory members, Clock clock) {
        this.scopes = scopes;
        this.settings = settings;
        this.rules = rules;
        this.members = members;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ScopeView> scopes() {
        return scopeRows().stream().map(ApprovalSetup::view).toList();
    }

    public ScopeView addScope(String key, String name, List<StageRule> stages) {
        requireManager();
        List<ApprovalScope> existing = persistedScopes();
        InputProblems problems = new InputProblems();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add("key", "must be 2 to 40 lower-case letters, digits or dashes, starting with a letter");
        } else if (existing.size() >= MAX_SCOPES && existing.stream().noneMatch(s -> s.getKey().equals(key))) {
            problems.add("key", "a workspace has at most " + MAX_SCOPES + " scopes");
        }
        String checkedName = checkName(name, problems);
        List<StageRule> checked = checkStages(stages == null || stages.isEmpty() ? List.of(StageRule.review()) : stages,
                problems);
        problems.throwIfAny("The scope");
        if (existing.stream().anyMatch(s -> s.getKey().equals(key))) {
            throw new ConflictException("scope-exists", "This workspace already has a scope '" + key + "'");
        }
        int position = existing.stream().mapToInt(ApprovalScope::getPosition).max().orElse(-1) + 1;
        return view(scopes.save(new ApprovalScope(key, checkedName, position, true, checked)));
    }

    public ScopeView changeScope(String key, ScopeChange change, Long expectedVersion) {
        requireManager();
        ApprovalScope scope = persistedScopes().stream().filter(s -> s.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("The approval scope"));
        if (expectedVersion != null && !expectedVersion.equals(scope.getVersion())) {
            throw new io.flightdeck.shared.PreconditionFailedException(scope.getVersion());
        }
        InputProblems problems = new InputProblems();
        String name = change.name() == null ? scope.getName() : checkName(change.name(), problems);
        List<StageRule> stages = change.stages() == null ? scope.getStages() : checkStages(change.stages(), problems);
        problems.throwIfAny("The scope");
        scope.change(name, change.enabled() == null ? scope.isEnabled() : change.enabled(),
                change.position() == null ? scope.getPosition() : change.position(),
                change.followsStrategy() == null ? scope.isFollowsStrategy() : change.followsStrategy(), stages);
        return view(scopes.saveAndFlush(scope));
    }

    @Transactional(readOnly = true)
    public DeadlineSettings deadlines() {
        ApprovalSettings row = settingsRow();
        return new DeadlineSettings(row.hours(Urgency.URGENT), row.hours(Urgency.HIGH), row.hours(Urgency.NORMAL),
                row.hours(Urgency.LOW));
    }

    /** Whether the member who requested a review is kept from approving it (on unless a manager turned it off). */
    @Transactional(readOnly = true)
    public boolean separatesDuties() {
        return settingsRow().separatesDuties();
    }

    public boolean changeSeparationOfDuties(boolean on) {
        requireManager();
        ApprovalSettings row = settingsRow();
        row.separateDuties(on);
        settings.save(row);
        return row.separatesDuties();
    }

    public DeadlineSettings changeDeadlines(DeadlineSettings change) {
        requireManager();
        InputProblems problems = new InputProblems();
        check("urgentHours", change.urgentHours(), problems);
        check("highHours", change.highHours(), problems);
        check("normalHours", change.normalHours(), problems);
        check("lowHours", change.lowHours(), problems);
        problems.throwIfAny("The deadlines");
        ApprovalSettings row = settingsRow();
        row.change(change.urgentHours(), change.highHours(), change.normalHours(), change.lowHours());
        settings.save(row);
        return deadlines();
    }

    @Transactional(readOnly = true)
    public List<RuleView> rules() {
        return rules.findAllByOrderByName().stream().map(ApprovalSetup::view).toList();
    }

    public RuleView addRule(RuleChange change) {
        requireManager();
        AutoApprovalRule rule = new AutoApprovalRule(CurrentActor.require().userId(), clock.instant());
        apply(rule, change, true);
        return view(rules.save(rule));
    }

    /** Checks a new rule without adding it, for a form that could not read every field: every problem at once. */
    @Transactional(readOnly = true)
    public void checkRule(RuleChange change) {
        requireManager();
        apply(new AutoApprovalRule(CurrentActor.require().userId(), clock.instant()), change, true);
    }

    public RuleView changeRule(UUID id, RuleChange change) {
        requireManager();
        AutoApprovalRule rule = rules.findById(id).orElseThrow(() -> new NotFoundException("The auto-approval rule"));
        apply(rule, change, false);
        return view(rules.saveAndFlush(rule));
    }

    public void deleteRule(UUID id) {
        requireManager();
        rules.delete(rules.findById(id).orElseThrow(() -> new NotFoundException("The auto-approval rule")));
    }

    /** Configuring approval stages is a manager's right (the controllers check it too). */
    private static void requireManager() {
        if (!CurrentActor.require().role().includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers configure approvals");
        }
    }

    // for the approval services

    List<ApprovalScope> scopeRows() {
        List<ApprovalScope> rows = scopes.findAllByOrderByPositionAscKeyAsc();
        return rows.isEmpty() ? ApprovalScope.defaults() : rows;
    }

    Optional<ApprovalScope> scopeRow(String key) {
        return scopeRows().stream().filter(s -> s.getKey().equals(key)).findFirst();
    }

    ApprovalSettings settingsRow() {
        return settings.findFirstBy().orElseGet(ApprovalSettings::new);
    }

    /** When a stage opened at {@code from} is due, by the workspace's deadline for the urgency. */
    Instant dueFrom(Urgency urgency, Instant from) {
        return from.plus(settingsRow().allowed(urgency));
    }

    List<AutoApprovalRule> enabledRules() {
        return rules.findByEnabledTrue();
    }

    private List<ApprovalScope> persistedScopes() {
        List<ApprovalScope> rows = scopes.findAllByOrderByPositionAscKeyAsc();
        return rows.isEmpty() ? scopes.saveAllAndFlush(ApprovalScope.defaults()) : rows;
    }

    private void apply(AutoApprovalRule rule, RuleChange change, boolean creating) {
        InputProblems problems = new InputProblems();
        String name = change.name() != null ? change.name().strip() : creating ? null : rule.getName();
        if (name == null || name.isEmpty() || name.length() > 120) {
            problems.add("name", "must be 1 to 120 characters");
        }
        String scope = change.scope() != null ? (change.scope().isBlank() ? null : change.scope()) : creating ? null : rule.getScopeKey();
        if (scope != null && scopeRow(scope).isEmpty()) {
            problems.add("scope", "no scope '" + scope + "' in this workspace");
        }
        Integer maxWords = change.maxWords() != null ? change.maxWords() : creating ? null : rule.getMaxWords();
        if (maxWords != null && (maxWords < 1 || maxWords > 100_000)) {
            problems.add("maxWords", "must be between 1 and 100000");
        }
        List<UUID> trusted = change.trustedMemberIds() != null ? change.trustedMemberIds() : creating ? List.of() : rule.getTrustedMemberIds();
        trusted.stream().filter(member -> members.find(member).isEmpty()).findFirst().ifPresent(member ->
                problems.add("trustedMemberIds", "no member " + member + " in this workspace"));
        var priorities = change.campaignPriorities() != null ? change.campaignPriorities() : creating ? List.<io.flightdeck.campaigns.CampaignPriority>of() : rule.getCampaignPriorities();
        int after = change.afterMinutes() != null ? change.afterMinutes() : creating ? 0 : rule.getAfterMinutes();
        if (after < 0 || after > 60 * 24 * 30) {
            problems.add("afterMinutes", "must be between 0 and 43200 (30 days)");
        }
        if (scope == null && maxWords == null && trusted.isEmpty() && priorities.isEmpty()) {
            problems.add("scope", "a rule needs at least one condition: a scope, a word limit, trusted members or campaign priorities");
        }
        problems.throwIfAny("The rule");
        boolean enabled = change.enabled() != null ? change.enabled() : creating || rule.isEnabled();
        rule.change(name, enabled, scope, maxWords, trusted, priorities, after);
    }

    private List<StageRule> checkStages(List<StageRule> stages, InputProblems problems) {
        if (stages.isEmpty() || stages.size() > MAX_STAGES) {
            problems.add("stages", "a scope has 1 to " + MAX_STAGES + " stages");
            return List.of();
        }
        List<StageRule> checked = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRule stage = stages.get(i);
            String field = "stages[" + i + "]";
            if (stage == null) {
                problems.add(field, "must not be empty");
                continue;
            }
            stage.validate(field, problems);
            stage.approverIds().stream().filter(member -> members.find(member).isEmpty()).findFirst().ifPresent(member ->
                    problems.add(field + ".approverIds", "no member " + member + " in this workspace"));
            if (stage.escalateToMember() != null && members.find(stage.escalateToMember()).isEmpty()) {
                problems.add(field + ".escalateToMember", "no such member in this workspace");
            }
            if (!problems.isEmpty()) {
                continue;
            }
            checked.add(new StageRule(stage.name().strip(), stage.approverRole(), stage.approverIds(),
                    stage.requiredApprovals(), stage.escalateToRole(), stage.escalateToMember()));
        }
        return checked;
    }

    private static String checkName(String name, InputProblems problems) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            problems.add("name", "must be 1 to 80 characters");
            return null;
        }
        return name.strip();
    }

    private static void check(String field, int hours, InputProblems problems) {
        if (hours < 1 || hours > 24 * 90) {
            problems.add(field, "must be between 1 and 2160 hours (90 days)");
        }
    }

    private static ScopeView view(ApprovalScope s) {
        return new ScopeView(s.getKey(), s.getName(), s.isEnabled(), s.getPosition(), s.isFollowsStrategy(),
                s.getStages(), s.getVersion() == null ? 0 : s.getVersion());
    }

    private static RuleView view(AutoApprovalRule r) {
        return new RuleView(r.getId(), r.getName(), r.isEnabled(), r.getScopeKey(), r.getMaxWords(),
                r.getTrustedMemberIds(), r.getCampaignPriorities(), r.getAfterMinutes(),
                r.getVersion() == null ? 0 : r.getVersion());
    }
}
