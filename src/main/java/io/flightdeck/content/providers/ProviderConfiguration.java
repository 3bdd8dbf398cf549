package io.flightdeck.content.providers;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client the provider adapters share. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    ModelClient modelClient(Clock clock) {
        return new ModelClient(ProviderHttp.standard(clock), JsonMapper.builder().build());
    }
}
