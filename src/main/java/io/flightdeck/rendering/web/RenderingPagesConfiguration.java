package io.flightdeck.rendering.web;

import io.flightdeck.content.CreativePanel;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the render pages add to the rest of the UI: the Renders entry and the creative editor's Render card. */
@Configuration(proxyBeanMethods = false)
class RenderingPagesConfiguration {

    @Bean
    NavItem rendersNav() {
        return new NavItem("Renders", "/render-jobs", "render", 38, Role.VIEWER, NavGroup.CONTENT);
    }

    @Bean
    NavItem renderTemplatesNav() {
        return new NavItem("Layout templates", "/settings/render-templates", "sliders", 927, Role.VIEWER, NavGroup.SETTINGS, "The layouts the image renderer places text, logo and photo on.");
    }

    /** Served by {@link RenderPagesController#panel}. */
    @Bean
    CreativePanel renderPanel() {
        return new CreativePanel("render", "Render", "/creatives/{id}/render/panel", 10);
    }
}
