package io.flightdeck.approvals;

import org.jspecify.annotations.Nullable;

/**
 * One scope that stops publishing.
 *
 * @param state      the scope's state, or {@code NOT_STARTED} when approvals were never started for the campaign
 * @param stage      the stage it waits in, or null
 * @param stageNumber 1-based number of that stage, or null
 */
public record PublishBlocker(String scope, String scopeName, String state, @Nullable String stage,
        @Nullable Integer stageNumber, int stageCount, String message) {
}
