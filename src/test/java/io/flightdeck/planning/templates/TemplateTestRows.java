package io.flightdeck.planning.templates;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationContext;

/** Templates written straight through the repository, for tests of other planning packages. */
public final class TemplateTestRows {

    private final TimelineTemplateRepository templates;
    private final Clock clock;

    public TemplateTestRows(ApplicationContext context) {
        this.templates = context.getBean(TimelineTemplateRepository.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A template of type Other that is no type's default, so no automatic timeline picks it up. */
    public TemplateView crafted(UUID workspaceId, List<TemplateItem> items) {
        return TenantScope.call(workspaceId, () -> TimelineTemplates.view(templates.save(new TimelineTemplate(
                CampaignType.OTHER, "Crafted " + UUID.randomUUID().toString().substring(0, 6), null, false, items,
                clock.instant()))));
    }
}
