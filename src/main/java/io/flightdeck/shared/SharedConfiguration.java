package io.flightdeck.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /**
     * Every "now" comes from here, so tests can move time. It ticks in microseconds, the precision PostgreSQL and H2
     * store, so an answer shows the same instant a later read does.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
