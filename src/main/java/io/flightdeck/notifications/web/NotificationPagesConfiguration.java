package io.flightdeck.notifications.web;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavBadge;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification centre's navigation entry, and the bell: its unseen count, in the top bar of every page. */
@Configuration(proxyBeanMethods = false)
class NotificationPagesConfiguration {

    @Bean
    NavItem notificationsNavItem() {
        return new NavItem("Notifications", "/notifications", "bell", 5, Role.VIEWER, NavGroup.WORK);
    }

    /** One count query on the (tenant, recipient, seen) index. */
    @Bean
    NavBadge notificationsBell(Inbox inbox) {
        return new NavBadge("/notifications", "new", inbox::unseenCount, true);
    }
}
