package io.flightdeck.campaigns.web;

import io.flightdeck.campaigns.domain.CampaignAttention;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.HomeSection;
import io.flightdeck.shared.web.WorkspaceContent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's campaigns section: the signed-in member's own campaigns that are blocked or at risk, with the
 * reason. Campaigns are also what makes a workspace non-empty, so they end the home page's onboarding.
 */
@Controller
class CampaignHomeSection {

    private final CampaignAttention attention;

    CampaignHomeSection(CampaignAttention attention) {
        this.attention = attention;
    }

    @GetMapping("/home/campaigns")
    String campaigns(Model model) {
        model.addAttribute("campaigns", attention.mine());
        model.addAttribute("nearDays", CampaignAttention.NEAR_DAYS);
        return "campaigns/fragments/home-section :: campaigns";
    }

    @Configuration(proxyBeanMethods = false)
    static class CampaignHomeConfiguration {

        @Bean
        HomeSection campaignsHomeSection() {
            return new HomeSection("my-campaigns", "Your campaigns that need you", "/home/campaigns", 30, Role.VIEWER);
        }

        @Bean
        WorkspaceContent campaignsContent(CampaignAttention attention) {
            return attention::anyCampaign;
        }
    }
}
