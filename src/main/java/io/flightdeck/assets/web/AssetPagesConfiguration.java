package io.flightdeck.assets.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the asset pages add to the rest of the UI: the library and settings entries, the campaign page's card. */
@Configuration(proxyBeanMethods = false)
class AssetPagesConfiguration {

    @Bean
    NavItem assetLibraryNav() {
        return new NavItem("Assets", "/assets", "image", 35, Role.VIEWER, NavGroup.CONTENT);
    }

    /** Everyone reads the upload limit and the threshold there; only admins change them. */
    @Bean
    NavItem assetSettingsNav() {
        return new NavItem("Asset settings", "/settings/assets", "sliders", 928, Role.CONTRIBUTOR, NavGroup.SETTINGS, "How large an uploaded file may be, and how alike two images must be to count as near-duplicates.");
    }

    /** The campaign page's Assets tab. */
    @Bean
    CampaignTab assetsTab() {
        return new CampaignTab("assets", "Assets", 60);
    }

    /** The assets card on the campaign page, served by {@link CampaignSpacePagesController#panel}. */
    @Bean
    CampaignPanel assetsPanel() {
        return new CampaignPanel("assets", "assets", "Assets", "/campaigns/{id}/assets/panel", 35);
    }
}
