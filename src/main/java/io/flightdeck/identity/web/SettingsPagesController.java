package io.flightdeck.identity.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings page: every module's settings in one place, each with what it is for, and for those the person's role
 * cannot open, who can. The navigation has one Settings entry leading here.
 */
@Controller
class SettingsPagesController {

    private final List<NavItem> settings;
    private final WhoCan whoCan;

    SettingsPagesController(List<NavItem> navItems, WhoCan whoCan) {
        this.whoCan = whoCan;
        this.settings = navItems.stream().filter(item -> item.group() == NavGroup.SETTINGS)
                .sorted(Comparator.comparing(NavItem::label)).toList();
    }

    /** One settings area as the page shows it; {@code whoCan} is set when the person cannot open it. */
    record Area(NavItem item, boolean open, String whoCan) {
    }

    @GetMapping("/settings")
    String settings(Model model) {
        Role role = CurrentActor.require().role();
        Map<Role, String> asks = whoCan.ask(settings.stream().map(NavItem::minimumRole)
                .filter(minimum -> !role.includes(minimum)).toList());
        model.addAttribute("areas", settings.stream().map(item -> role.includes(item.minimumRole())
                ? new Area(item, true, null)
                : new Area(item, false, "For " + WhoCan.roles(item.minimumRole()) + ": "
                        + asks.get(item.minimumRole()) + ".")).toList());
        return "identity/settings";
    }
}
