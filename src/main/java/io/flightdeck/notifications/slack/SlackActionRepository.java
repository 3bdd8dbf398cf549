package io.flightdeck.notifications.slack;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackActionRepository extends JpaRepository<SlackAction, UUID> {

    Optional<SlackAction> findByApprovalIdAndRoundAndSlackUserId(UUID approvalId, String round, String slackUserId);
}
