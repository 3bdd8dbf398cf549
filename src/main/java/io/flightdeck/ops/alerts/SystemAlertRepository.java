package io.flightdeck.ops.alerts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SystemAlertRepository extends JpaRepository<SystemAlert, UUID> {

    @Query("select a from SystemAlert a where a.status in :statuses order by a.openedAt desc, a.id desc")
    Page<SystemAlert> findByStatuses(Collection<AlertStatus> statuses, Pageable pageable);

    @Query("select a from SystemAlert a where a.status <> io.flightdeck.ops.alerts.AlertStatus.RESOLVED")
    List<SystemAlert> findUnresolved();

    @Query("select a.severity, count(a) from SystemAlert a "
            + "where a.status <> io.flightdeck.ops.alerts.AlertStatus.RESOLVED group by a.severity")
    List<Object[]> countUnresolvedBySeverity();
}
