package io.flightdeck.publishing.networks.x;

import io.flightdeck.shared.security.FormTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class XConsentPage {

    /** Connecting an account posts to us and is redirected to X's consent page: the page's form-action allows it. */
    @Bean
    FormTargets xConsentPageOrigin(XProperties properties) {
        return FormTargets.of(properties.authorizeUrl());
    }
}
