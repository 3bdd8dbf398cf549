package io.flightdeck.content.providers;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model client the provider adapters share (one connection pool for every workspace's provider). */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    ModelClient modelClient(Clock clock) {
        return ModelClient.standard(clock);
    }
}
