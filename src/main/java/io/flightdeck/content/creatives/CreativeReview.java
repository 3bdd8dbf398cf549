package io.flightdeck.content.creatives;

import java.util.List;

import io.flightdeck.content.ComponentKind;

/**
 * What an approver sees of a creative: the creative, each network's preview, and each part that changed since the
 * last approval with the approved text beside the current one.
 *
 * @param firstReview true when no version was approved yet (then {@code changes} is empty and everything is new)
 */
record CreativeReview(CreativeView creative, List<ChannelPreview> previews, boolean firstReview,
        List<Change> changes) {

    public record Change(ComponentKind kind, Integer approvedVersion, String approvedText, Integer currentVersion,
            String currentText) {
    }
}
