package io.flightdeck.notifications.slack;

import io.flightdeck.shared.security.FormTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    /** One client for the installation: it holds the connection pool to Slack. */
    @Bean
    SlackWebApi slackWebApi(SlackProperties properties) {
        return new SlackWebApi(properties.apiBase(), properties.timeout());
    }

    /** Installing Slack posts to us and is redirected to Slack's consent page: the page's form-action allows it. */
    @Bean
    FormTargets slackConsentPageOrigin(SlackProperties properties) {
        return FormTargets.of(properties.authorizeUrl());
    }
}
