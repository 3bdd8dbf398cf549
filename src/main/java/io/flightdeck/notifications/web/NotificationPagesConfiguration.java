package io.flightdeck.notifications.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavBadge;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification centre's navigation entries (the centre, the member's settings, the admins' settings and the mail
 * outbox), and the bell: its unseen count, in the top bar of every page.
 */
@Configuration(proxyBeanMethods = false)
class NotificationPagesConfiguration {

    @Bean
    NavItem notificationsNavItem() {
        return new NavItem("Notifications", "/notifications", "bell", 5, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    NavItem notificationPreferencesNavItem() {
        return new NavItem("My notifications", "/notifications/preferences", "bell", 905, Role.VIEWER, NavGroup.SETTINGS,
                "What reaches you in the app and by email, per kind of notification; send yourself a test.");
    }

    @Bean
    NavItem notificationSettingsNavItem() {
        return new NavItem("Notification settings", "/settings/notifications", "sliders", 931, Role.ADMIN, NavGroup.SETTINGS,
                "The workspace's defaults for who hears of what, where; each channel's backlog and the deliveries that failed.");
    }

    @Bean
    NavItem mailOutboxNavItem() {
        return new NavItem("Mail outbox", "/settings/mail-outbox", "mail", 932, Role.ADMIN, NavGroup.SETTINGS,
                "Every email Flightdeck wrote for this workspace, opened as its recipient sees it (the default mail transport).");
    }

    @Bean
    NavItem webhooksNavItem() {
        return new NavItem("Webhooks", "/settings/webhooks", "share", 933, Role.ADMIN, NavGroup.SETTINGS,
                "Post the workspace's events to your own systems, signed the Standard Webhooks way, with a delivery log.");
    }

    @Bean
    NavItem slackNavItem() {
        return new NavItem("Slack", "/settings/slack", "share", 934, Role.ADMIN, NavGroup.SETTINGS,
                "Connect the workspace's Slack: the Flightdeck app for members' direct messages, or an incoming webhook.");
    }

    /** Follow or stop following, on a campaign's overview. */
    @Bean
    CampaignPanel followPanel() {
        return new CampaignPanel("follow", CampaignTab.OVERVIEW, "Notifications", "/campaigns/{id}/follow/panel", 90);
    }

    /** One count query on the (tenant, recipient, seen) index. */
    @Bean
    NavBadge notificationsBell(Inbox inbox) {
        return new NavBadge("/notifications", "new", inbox::unseenCount, true);
    }
}
