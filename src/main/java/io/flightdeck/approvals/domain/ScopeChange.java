package io.flightdeck.approvals.domain;

import java.util.List;

/** What a manager sets on a scope; null leaves a field as it is. */
public record ScopeChange(String name, Boolean enabled, Integer position, Boolean followsStrategy,
        List<StageRule> stages) {
}
