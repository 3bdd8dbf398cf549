package io.flightdeck.publishing.networks.tiktok;

import io.flightdeck.shared.security.FormTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TikTokConsentPage {

    /** Connecting an account posts to us and is redirected to TikTok's consent page: the form-action allows it. */
    @Bean
    FormTargets tiktokConsentPageOrigin(TikTokProperties properties) {
        return FormTargets.of(properties.authorizeUrl());
    }
}
