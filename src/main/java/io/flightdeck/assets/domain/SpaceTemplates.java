package io.flightdeck.assets.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateLibrary;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign space saved as a template (seed 004's spaces marked as templates): the space is marked, and the
 * workspace's one template library gets a template carrying that space and its assets alone, filed under
 * {@value #CATEGORY} unless named otherwise, from which a campaign starts like from any template.
 */
@Service
public class SpaceTemplates {

    static final String CATEGORY = "Spaces";

    private final CampaignSpaces spaces;
    private final SpacesTemplateSection section;
    private final TemplateLibrary library;

    SpaceTemplates(CampaignSpaces spaces, SpacesTemplateSection section, TemplateLibrary library) {
        this.spaces = spaces;
        this.section = section;
        this.library = library;
    }

    /** What the space and the template it made now read. */
    public record SavedSpaceTemplate(UUID templateId, CampaignSpaceView space) {
    }

    /** Callers check the role: a template is a manager's to make. A blank name takes the space's. */
    @Transactional
    public SavedSpaceTemplate save(UUID spaceId, String name, String description, String category) {
        CampaignSpaceView space = spaces.get(spaceId);
        if (space.archived()) {
            throw new InvalidInputException("spaceId", "An archived space cannot be saved as a template; restore it first");
        }
        CampaignTemplateSection.Captured captured = section.capture(List.of(space)).orElseThrow();
        UUID templateId = library.saveOnePart(space.campaignId(), name == null || name.isBlank() ? space.name() : name,
                description, category == null || category.isBlank() ? CATEGORY : category, TemplatePart.SPACES, captured);
        CampaignSpaceView marked = space.template() ? space : spaces.markAsTemplate(spaceId, null);
        return new SavedSpaceTemplate(templateId, marked);
    }
}
