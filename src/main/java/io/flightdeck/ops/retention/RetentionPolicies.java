package io.flightdeck.ops.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.retention.RetentionKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current workspace's retention per kind: what an admin set, else the kind's default. Event publications are the
 * installation's (an operator setting) and not among them. The callers check that the person is an admin.
 */
@Service
public class RetentionPolicies {

    /** The kinds a workspace sets, in the order a purge takes them. */
    static final List<RetentionKind> WORKSPACE_KINDS = Arrays.stream(RetentionKind.values())
            .filter(kind -> !kind.platform()).toList();

    /** What a purge of one kind uses. */
    record Policy(RetentionKind kind, int keepDays, boolean exportBeforePurge) {
    }

    private final RetentionPolicyRepository policies;
    private final Clock clock;

    RetentionPolicies(RetentionPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RetentionPolicyView> list() {
        Map<String, RetentionPolicy> set = byKind();
        return WORKSPACE_KINDS.stream().map(kind -> view(kind, set.get(kind.key()))).toList();
    }

    /**
     * Sets the kinds named; the others stay as they are. Every mistake is refused at once (400, each by its field:
     * {@code <kind>.keepDays}, {@code <kind>.exportBeforePurge}, {@code policies[<i>].kind}), before anything is
     * written.
     */
    @Transactional
    public List<RetentionPolicyView> change(@Nullable List<RetentionPolicyInput> inputs) {
        List<Policy> checked = check(inputs);
        Map<String, RetentionPolicy> set = byKind();
        Instant now = clock.instant();
        for (Policy policy : checked) {
            RetentionPolicy row = set.get(policy.kind().key());
            if (row == null) {
                policies.save(new RetentionPolicy(policy.kind().key(), policy.keepDays(), policy.exportBeforePurge(),
                        now));
            } else {
                row.change(policy.keepDays(), policy.exportBeforePurge(), now);
            }
        }
        policies.flush();
        return list();
    }

    /** Each kind's policy now, for a purge. */
    @Transactional(readOnly = true)
    Map<RetentionKind, Policy> effective() {
        Map<String, RetentionPolicy> set = byKind();
        Map<RetentionKind, Policy> effective = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : WORKSPACE_KINDS) {
            RetentionPolicy row = set.get(kind.key());
            effective.put(kind, row == null ? new Policy(kind, kind.defaultDays(), false)
                    : new Policy(kind, row.getKeepDays(), row.isExportBeforePurge() && kind.exportable()));
        }
        return effective;
    }

    static List<Policy> check(@Nullable List<RetentionPolicyInput> inputs) {
        InputProblems problems = new InputProblems();
        if (inputs == null || inputs.isEmpty()) {
            problems.add("policies", "Give at least one kind's retention");
            problems.throwIfAny("The retention");
        }
        String kinds = WORKSPACE_KINDS.stream().map(RetentionKind::key).collect(Collectors.joining(", "));
        Set<RetentionKind> seen = new HashSet<>();
        List<Policy> checked = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RetentionPolicyInput input = inputs.get(i);
            RetentionKind kind = input == null || input.kind() == null ? null
                    : RetentionKind.ofKey(input.kind().strip()).filter(k -> !k.platform()).orElse(null);
            if (kind == null) {
                problems.add("policies[" + i + "].kind", "Choose one of the kinds: " + kinds);
                continue;
            }
            if (!seen.add(kind)) {
                problems.add("policies[" + i + "].kind", "The " + kind.key() + " retention is given twice");
                continue;
            }
            Integer days = input.keepDays();
            if (days == null || days < kind.minDays() || days > kind.maxDays()) {
                problems.add(kind.key() + ".keepDays", "Keep it from " + kind.minDays() + " to " + kind.maxDays()
                        + " days");
            }
            boolean export = input.exportBeforePurge() != null && input.exportBeforePurge();
            if (export && !kind.exportable()) {
                problems.add(kind.key() + ".exportBeforePurge", "These are not exported: nothing in them is worth "
                        + "reading once they are gone");
            }
            checked.add(new Policy(kind, days == null ? 0 : days, export));
        }
        problems.throwIfAny("The retention");
        return checked;
    }

    private Map<String, RetentionPolicy> byKind() {
        return policies.findAll().stream().collect(Collectors.toMap(RetentionPolicy::getKind, Function.identity(),
                (a, b) -> a));
    }

    private static RetentionPolicyView view(RetentionKind kind, @Nullable RetentionPolicy row) {
        return new RetentionPolicyView(kind.key(), kind.label(), kind.keeps(),
                row == null ? kind.defaultDays() : row.getKeepDays(), row != null && row.isExportBeforePurge(),
                kind.exportable(), kind.defaultDays(), kind.minDays(), kind.maxDays(), row != null,
                row == null ? null : row.getUpdatedAt());
    }
}
