package io.flightdeck.email.sending;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailCampaignRepository extends JpaRepository<EmailCampaign, UUID> {

    Page<EmailCampaign> findAllBy(Pageable page);

    Page<EmailCampaign> findByCampaignId(UUID campaignId, Pageable page);

    List<EmailCampaign> findByCampaignIdAndStatusInOrderByCreatedAtAsc(UUID campaignId,
            Collection<EmailCampaignStatus> statuses);
}
