package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import io.flightdeck.shared.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Adds the signed-in member and their workspaces to full page renders, for the top bar. */
@Configuration(proxyBeanMethods = false)
class ShellInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Workspaces workspaces;

    ShellInterceptor(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (!Htmx.isFullPage(request, view)) {
            return;
        }
        CurrentActor.find().ifPresent(actor -> view.addObject("shell", ShellView.of(actor, workspaces.choicesOf(actor.userId()))));
    }

    @Bean
    NavItem homeNav() {
        return new NavItem("Home", "/", "home", 0, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    NavItem membersNav() {
        return new NavItem("Members", "/members", "users", 900, Role.VIEWER, NavGroup.TEAM);
    }

    @Bean
    NavItem apiKeysNav() {
        return new NavItem("API keys", "/settings/api-keys", "key", 910, Role.VIEWER, NavGroup.SETTINGS, "Personal keys for scripts and integrations that use the API in your name, with a role no higher than yours.");
    }

    @Bean
    NavItem workspaceSettingsNav() {
        return new NavItem("Workspace settings", "/settings/workspace", "settings", 920, Role.ADMIN, NavGroup.SETTINGS, "The workspace's name, time zone and language.");
    }
}
