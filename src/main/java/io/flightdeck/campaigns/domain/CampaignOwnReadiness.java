package io.flightdeck.campaigns.domain;

import java.util.List;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The campaign's own readiness: what its form must say before it can launch. Each item is about the campaign itself. */
@Component
@Order(0)
class CampaignOwnReadiness implements ReadinessCheck {

    @Override
    public List<ReadinessItem> check(CampaignSnapshot c) {
        String edit = "/campaigns/" + c.id() + "/edit";
        ReadinessSubject self = ReadinessSubject.of("campaign", c.id(), c.name(), "/campaigns/" + c.id());
        boolean hasDates = c.startDate() != null && c.endDate() != null;
        boolean hasBudget = c.budget() != null && c.budget().amount().signum() > 0;
        boolean hasDescription = c.description() != null && c.description().strip().length() >= 20;
        return List.of(
                new ReadinessItem("campaign.dates", "Start and end dates", hasDates, 20, false,
                        hasDates ? "Runs " + c.startDate() + " to " + c.endDate()
                                : "Schedules, timelines and deadlines are laid out from the dates", edit + "#startDate")
                        .withAction("Set the start and end dates").about(self),
                new ReadinessItem("campaign.budget", "Budget", hasBudget, 20, false,
                        hasBudget ? "Budget set" : "Spend and ROI are tracked against the budget", edit + "#budgetAmount")
                        .withAction("Set a budget").about(self),
                new ReadinessItem("campaign.owner", "Owner", c.ownerId() != null, 20, false,
                        c.ownerId() != null ? "Owner assigned" : "Someone has to answer for the campaign", edit + "#ownerId")
                        .withAction("Choose an owner").about(self),
                new ReadinessItem("campaign.channels", "Channels", !c.channels().isEmpty(), 20, false,
                        c.channels().isEmpty() ? "Pick where the campaign runs, so content and schedules can follow"
                                : c.channels().size() + (c.channels().size() == 1 ? " channel" : " channels"), edit + "#channels")
                        .withAction("Pick the channels").about(self),
                new ReadinessItem("campaign.description", "Description", hasDescription, 20, false,
                        hasDescription ? "Described" : "A sentence or two (20+ characters) tells the team what this is about",
                        edit + "#description")
                        .withAction("Describe the campaign").about(self));
    }
}
