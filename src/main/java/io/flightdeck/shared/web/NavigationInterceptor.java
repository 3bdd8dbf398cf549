package io.flightdeck.shared.web;

import java.util.Comparator;
import java.util.List;

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
 * {@link NavItem}s the modules declared, filtered by the actor's role, with their {@link NavBadge}s counted.
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
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (!Htmx.isFullPage(request, view)) {
            return;
        }
        CurrentActor.find().ifPresent(actor -> {
            view.addObject("navItems", navItems.stream().filter(item -> actor.role().includes(item.minimumRole())).toList());
            view.addObject("navBadges", navBadges.countFor(actor));
        });
        view.addObject("currentPath", request.getRequestURI());
    }
}
