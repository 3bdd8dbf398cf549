package io.flightdeck.shared.web;

import java.util.Comparator;
import java.util.List;

import io.flightdeck.shared.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page of the shell needs. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavItem> navItems;

    ShellModelAdvice(List<NavItem> navItems) {
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("navItems")
    List<NavItem> navItems() {
        return CurrentActor.find()
                .map(actor -> navItems.stream().filter(item -> actor.role().includes(item.minimumRole())).toList())
                .orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
