package io.flightdeck.notifications.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceDefaultRepository extends JpaRepository<WorkspaceDefault, UUID> {

    List<WorkspaceDefault> findByCategory(NotificationCategory category);

    Optional<WorkspaceDefault> findByCategoryAndChannel(NotificationCategory category, NotificationChannel channel);
}
