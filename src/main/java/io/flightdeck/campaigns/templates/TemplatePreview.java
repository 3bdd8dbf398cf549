package io.flightdeck.campaigns.templates;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a campaign started from a template on a date gets: its start and end (null when the template has no length)
 * and each part with what it carries.
 */
public record TemplatePreview(LocalDate startDate, @Nullable LocalDate endDate, List<CampaignTemplateView.CarriedPart> parts) {
}
