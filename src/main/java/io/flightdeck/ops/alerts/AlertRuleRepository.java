package io.flightdeck.ops.alerts;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    @Query("select r from AlertRule r order by case when r.builtinKey is null then 1 else 0 end, lower(r.name), r.id")
    List<AlertRule> findAllInOrder();

    @Query("select r.builtinKey from AlertRule r where r.builtinKey is not null")
    List<String> findBuiltinKeys();
}
