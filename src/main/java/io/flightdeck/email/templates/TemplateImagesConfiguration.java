package io.flightdeck.email.templates;

import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.links.PublicUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key and public address of the library images that templates carry. */
@Configuration(proxyBeanMethods = false)
class TemplateImagesConfiguration {

    @Bean
    TemplateImageLinks templateImageLinks(LinkKeys keys, @Value("${flightdeck.base-url:}") String baseUrl,
            PublicUrls urls) {
        return new TemplateImageLinks(keys.tokens(TemplateImageLinks.KEY_PURPOSE), baseUrl, () -> urls.ofOrLocal(""));
    }
}
