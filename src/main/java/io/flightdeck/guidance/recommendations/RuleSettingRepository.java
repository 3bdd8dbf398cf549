package io.flightdeck.guidance.recommendations;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSettingRepository extends JpaRepository<RuleSetting, UUID> {

    Optional<RuleSetting> findByRuleId(String ruleId);
}
