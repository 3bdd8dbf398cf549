package io.flightdeck.notifications.slack;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackMemberLinkRepository extends JpaRepository<SlackMemberLink, UUID> {

    Optional<SlackMemberLink> findByMemberId(UUID memberId);

    List<SlackMemberLink> findByMemberIdInAndConfirmedAtIsNotNull(Collection<UUID> memberIds);

    Optional<SlackMemberLink> findByTeamIdAndSlackUserIdAndConfirmedAtIsNotNull(String teamId, String slackUserId);

    long countByTeamIdAndConfirmedAtIsNotNull(String teamId);
}
