package io.flightdeck.rendering.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.rendering.*}: how the runner paces itself, and the external providers' accounts.
 *
 * @param defaultProvider  the provider a job gets when it names none, per type: the built-in renderers by default
 * @param retryPause       the pause before the first retry of a failed attempt; each further retry waits twice as long
 * @param pollMin          the first poll of an external job comes this soon; later polls back off, doubling
 * @param pollMax          … up to this; with a webhook configured polling is only the fallback, so it may be slower
 * @param maxPolls         an attempt still running after this many polls fails (and is retried) as timed out
 * @param webhookBaseUrl   the public address providers call back at ({@code https://flightdeck.example.com}); blank
 *                         means polling only (a laptop has no public address)
 */
@ConfigurationProperties("flightdeck.rendering")
record RenderingProperties(@DefaultValue("builtin-image") String defaultImageProvider,
        @DefaultValue("builtin-video") String defaultVideoProvider, @DefaultValue("PT10S") Duration retryPause,
        @DefaultValue("PT1S") Duration pollMin, @DefaultValue("PT30S") Duration pollMax,
        @DefaultValue("400") int maxPolls, @DefaultValue("") String webhookBaseUrl) {

    /** The pause before the given poll (0 is the first after the submission). */
    public Duration pollDelay(int pollCount) {
        Duration d = pollMin.multipliedBy(1L << Math.min(pollCount, 16));
        return d.compareTo(pollMax) > 0 ? pollMax : d;
    }
}
