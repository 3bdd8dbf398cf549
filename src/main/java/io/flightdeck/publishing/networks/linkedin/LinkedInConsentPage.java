package io.flightdeck.publishing.networks.linkedin;

import io.flightdeck.shared.security.FormTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkedInConsentPage {

    /** Connecting an account posts to us and is redirected to LinkedIn's consent page: the page's form-action allows it. */
    @Bean
    FormTargets linkedInConsentPageOrigin(LinkedInProperties properties) {
        return FormTargets.of(properties.authUrl());
    }
}
