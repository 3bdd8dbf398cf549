package io.flightdeck.assets.imports;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.assets.platform-sync.*}: the recurring sync of campaign spaces from their ad platforms.
 *
 * @param enabled     false: no recurring sync (a person's sync still works)
 * @param at          the UTC time of day it runs, when {@code every} is not set
 * @param every       instead of a time of day, this long after the previous run ended
 * @param restateDays how many days before the end of the last good sync it reads again, because platforms restate
 *                    recent days (conversions and their value arrive late, within Meta's default 7-day click window)
 */
@ConfigurationProperties("flightdeck.assets.platform-sync")
record PlatformSyncProperties(@DefaultValue("true") boolean enabled, @DefaultValue("04:00") LocalTime at,
        Duration every, @DefaultValue("7") int restateDays) {
}
