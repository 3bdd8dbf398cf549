package io.flightdeck.campaigns;

import java.util.List;

/**
 * How a module says what a campaign still needs before launch. Implement it as a bean in your module (approvals,
 * planning, assets, publishing...); campaigns asks every check when it scores readiness. A check runs inside the
 * campaign's workspace scope and must not write.
 */
public interface ReadinessCheck {

    List<ReadinessItem> check(CampaignSnapshot campaign);
}
