package io.flightdeck.approvals.domain;

import java.util.List;

/** A workspace's approval scope and its routing. */
public record ScopeView(String key, String name, boolean enabled, int position, boolean followsStrategy,
        List<StageRule> stages, long version) {
}
