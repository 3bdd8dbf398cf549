package io.flightdeck.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the left navigation to every full page render (not to API answers, redirects or htmx fragments): the
 * {@link NavItem}s the modules declared, grouped, filtered by the actor's role, with their {@link NavBadge}s counted.
 * Settings items are not listed: one Settings entry leads to the page that lists them all.
 */
@Configuration(proxyBeanMethods = false)
class NavigationInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final List<NavItem> navItems;
    private final NavBadges navBadges;

    NavigationInterceptor(List<NavItem> navItems, NavBadges navBadges) {
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.navBadges = navBadges;
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
        String path = request.getRequestURI();
        CurrentActor.find().ifPresent(actor -> {
            // the groups in their order, each with what this role may open; settings are one entry of their own
            Map<NavGroup, List<NavItem>> groups = new EnumMap<>(NavGroup.class);
            navItems.stream().filter(item -> item.group() != NavGroup.SETTINGS)
                    .filter(item -> actor.role().includes(item.minimumRole()))
                    .forEach(item -> groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item));
            view.addObject("navGroups", groups);
            view.addObject("navBadges", navBadges.countFor(actor));
        });
        view.addObject("settingsActive", path.equals("/settings") || navItems.stream()
                .anyMatch(item -> item.group() == NavGroup.SETTINGS && item.covers(path)));
        view.addObject("currentPath", path);
    }
}
