package io.flightdeck.planning.templates;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineTemplateRepository extends JpaRepository<TimelineTemplate, UUID> {

    List<TimelineTemplate> findByDeletedAtIsNullOrderByCampaignTypeAscNameAsc();

    List<TimelineTemplate> findByCampaignTypeAndDeletedAtIsNull(CampaignType type);

    /** The bin: deleted templates, most recently deleted first. */
    List<TimelineTemplate> findByDeletedAtIsNotNullOrderByDeletedAtDesc();

    long countBy();
}
