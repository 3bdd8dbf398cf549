/**
 * Campaigns: the campaign record, its lifecycle from draft to archived, the readiness score with the launch policy,
 * the activity feed and the demo campaigns. Other modules read campaigns through
 * {@link io.flightdeck.campaigns.CampaignDirectory}, add readiness items through
 * {@link io.flightdeck.campaigns.ReadinessCheck}, add cards to the campaign page through
 * {@link io.flightdeck.campaigns.CampaignPanel}, and react to its past-tense events. It depends on identity only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns", allowedDependencies = {"identity", "shared"})
package io.flightdeck.campaigns;
