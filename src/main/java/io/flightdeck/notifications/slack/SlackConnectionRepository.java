package io.flightdeck.notifications.slack;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackConnectionRepository extends JpaRepository<SlackConnection, UUID> {

    /** The current workspace's, if it has one (at most one: a unique key). */
    Optional<SlackConnection> findFirstBy();
}
