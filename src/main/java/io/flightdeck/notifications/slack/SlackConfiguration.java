package io.flightdeck.notifications.slack;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    /** One client for the installation: it holds the connection pool to Slack. */
    @Bean
    SlackWebApi slackWebApi(SlackProperties properties) {
        return new SlackWebApi(properties.apiBase(), properties.timeout());
    }
}
