package io.flightdeck.campaigns.templates;

import java.time.LocalDate;
import java.util.Set;

import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.campaigns.TemplateCopy;

/**
 * The campaign to start from a template or a clone: its name, its start (the template's dates count from it), and
 * which parts to bring (null: all there are).
 */
public record NewCampaignFromTemplate(String name, LocalDate startDate, Set<TemplatePart> parts, TemplateCopy copy) {
}
