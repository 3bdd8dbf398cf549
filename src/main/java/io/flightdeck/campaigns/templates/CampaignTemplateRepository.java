package io.flightdeck.campaigns.templates;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignTemplateRepository extends JpaRepository<CampaignTemplate, UUID> {

    /** The live templates the member may see, optionally of one category, matching a text (lower case) or not. */
    @Query("""
            select t from CampaignTemplate t
            where t.deletedAt is null and (t.visibility = io.flightdeck.campaigns.templates.TemplateVisibility.WORKSPACE
                  or t.ownerId = :member)
              and (:category is null or t.category = :category)
              and (:text is null or lower(t.name) like :text or lower(t.description) like :text)
            """)
    Page<CampaignTemplate> visible(@Param("member") UUID member, @Param("category") String category,
            @Param("text") String text, Pageable pageable);

    /** Category and number of live templates in it that the member may see, by category. */
    @Query("""
            select t.category, count(t) from CampaignTemplate t
            where t.deletedAt is null and (t.visibility = io.flightdeck.campaigns.templates.TemplateVisibility.WORKSPACE
                  or t.ownerId = :member)
            group by t.category order by t.category
            """)
    List<Object[]> categories(@Param("member") UUID member);
}
