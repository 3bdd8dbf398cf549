package io.flightdeck.publishing.networks.instagram;

import io.flightdeck.shared.security.FormTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InstagramConsentPage {

    /** Connecting an account posts to us and is redirected to Instagram's consent page: the form-action allows it. */
    @Bean
    FormTargets instagramConsentPageOrigin(InstagramProperties properties) {
        return FormTargets.of(properties.authorizeUrl());
    }
}
