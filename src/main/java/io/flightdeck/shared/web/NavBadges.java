package io.flightdeck.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The {@link NavBadge}s of the signed-in member's navigation, counted: rendered with the page by
 * {@link NavigationInterceptor}, and again by {@code GET /nav/badges} after any htmx action, whose answer swaps each
 * badge in place out of band (the navigation listens to {@code fd:changed}).
 */
@Component
public class NavBadges {

    /**
     * One counted badge; {@code label} is what a screen reader hears after the entry's name. A badge shown in the top
     * bar also carries its entry's path, name and icon ({@code topbarSlotId} is null otherwise).
     */
    public record Shown(String slotId, long count, String label, String topbarSlotId, String path, String entry,
            String icon) {
    }

    private final ObjectProvider<NavBadge> badges;
    private final ObjectProvider<NavItem> items;

    NavBadges(ObjectProvider<NavBadge> badges, ObjectProvider<NavItem> items) {
        this.badges = badges;
        this.items = items;
    }

    /** By navigation path, only for the entries the actor's role shows. */
    Map<String, Shown> countFor(Actor actor) {
        Map<String, NavItem> visible = items.stream().filter(item -> actor.role().includes(item.minimumRole()))
                .collect(Collectors.toMap(NavItem::path, item -> item, (a, b) -> a));
        Map<String, Shown> shown = new LinkedHashMap<>();
        badges.orderedStream().filter(badge -> visible.containsKey(badge.path())).forEach(badge -> {
            long count = badge.count().getAsLong();
            NavItem item = visible.get(badge.path());
            shown.put(badge.path(), new Shown(badge.slotId(), count, count + " " + badge.noun(),
                    badge.inTopbar() ? badge.topbarSlotId() : null, item.path(), item.label(), item.icon()));
        });
        return shown;
    }

    @Controller
    static class NavBadgesController {

        private final NavBadges navBadges;

        NavBadgesController(NavBadges navBadges) {
            this.navBadges = navBadges;
        }

        /** Every badge of the navigation, each swapped into its slot out of band. */
        @GetMapping("/nav/badges")
        String badges(Model model) {
            model.addAttribute("badges", List.copyOf(navBadges.countFor(CurrentActor.require()).values()));
            return "layout/nav-badges :: badges";
        }
    }
}
