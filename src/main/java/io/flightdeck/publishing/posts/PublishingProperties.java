package io.flightdeck.publishing.posts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.publishing.*}: how the scheduler paces itself.
 *
 * @param retryPause   the pause before the first retry of a failed attempt; each further retry waits twice as long
 * @param maxRetries   retries of a retryable failure before the post goes to the dead-letter list
 * @param missedAfter  a post found this long past its time, never having waited on a blocker, is missed (the
 *                     application was down): shown to a person and re-planned, never posted late on its own
 * @param recheck      how often a waiting post looks at its blockers again (events wake it sooner)
 * @param minimumGap   the least time between two posts of a campaign on one channel, unless a campaign sets its own
 */
@ConfigurationProperties("flightdeck.publishing")
record PublishingProperties(@DefaultValue("PT30S") Duration retryPause, @DefaultValue("3") int maxRetries,
        @DefaultValue("PT15M") Duration missedAfter, @DefaultValue("PT1M") Duration recheck,
        @DefaultValue("PT2H") Duration minimumGap) {
}
