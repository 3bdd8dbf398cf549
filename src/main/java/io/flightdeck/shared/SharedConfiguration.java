package io.flightdeck.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** Every "now" comes from here, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
