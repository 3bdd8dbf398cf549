package io.flightdeck.campaigns;

import java.util.UUID;

/**
 * Files a part a module captured itself as a template in the workspace's one library, shared with the workspace: a
 * campaign space saved as a template is a template carrying that space alone. Starting a campaign from it is the same
 * as from any template. The caller checks roles.
 */
public interface TemplateLibrary {

    /** @return the new template's id */
    UUID saveOnePart(UUID campaignId, String name, String description, String category, TemplatePart part,
            CampaignTemplateSection.Captured captured);
}
