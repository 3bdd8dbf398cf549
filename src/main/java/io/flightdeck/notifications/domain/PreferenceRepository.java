package io.flightdeck.notifications.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PreferenceRepository extends JpaRepository<NotificationPreference, UUID> {

    List<NotificationPreference> findByMemberIdInAndCategory(Collection<UUID> memberIds, NotificationCategory category);

    List<NotificationPreference> findByMemberId(UUID memberId);

    Optional<NotificationPreference> findByMemberIdAndCategoryAndChannel(UUID memberId, NotificationCategory category,
            NotificationChannel channel);
}
