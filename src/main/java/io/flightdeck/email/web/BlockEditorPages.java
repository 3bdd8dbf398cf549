package io.flightdeck.email.web;

import io.flightdeck.shared.security.InlineStylePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BlockEditorPages {

    /**
     * The block editors draw the email (styled inline, as email is) in GrapesJS's canvas frame, which inherits the
     * page's policy, and GrapesJS styles its panels with style attributes: these two pages allow inline styles.
     */
    @Bean
    InlineStylePages blockEditorsStyleInline() {
        return InlineStylePages.of("/email/templates/{id}/blocks", "/email/campaigns/{id}/blocks");
    }
}
