package io.flightdeck.notifications.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuietHoursRepository extends JpaRepository<QuietHoursSetting, UUID> {

    Optional<QuietHoursSetting> findByMemberId(UUID memberId);

    List<QuietHoursSetting> findByMemberIdIn(Collection<UUID> memberIds);
}
