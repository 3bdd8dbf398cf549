package io.flightdeck.guidance.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.guidance.recommendations.ReactionMemory;
import io.flightdeck.guidance.recommendations.ReactionMemory.AcceptanceRate;
import io.flightdeck.guidance.recommendations.RuleKind;
import io.flightdeck.guidance.recommendations.RuleSwitches;
import io.flightdeck.guidance.recommendations.RuleSwitches.RuleSwitch;
import io.flightdeck.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The recommendation rules of the workspace: admins see and switch them, with how often each was taken up. */
@RestController
@RequestMapping("/api/v1/guidance/rules")
@Tag(name = "Guidance")
@PreAuthorize("hasRole('ADMIN')")
class GuidanceRulesApiController {

    private final RuleSwitches switches;
    private final ReactionMemory reactions;

    GuidanceRulesApiController(RuleSwitches switches, ReactionMemory reactions) {
        this.switches = switches;
        this.reactions = reactions;
    }

    /**
     * One rule as the workspace has it, with its acceptance rate: accepted over accepted and dismissed, among the
     * reactions not undone; null before any.
     */
    record GuidanceRule(@Schema(example = "underperforming-channel") String ruleId, @Schema(example = "1") int version,
            @Schema(example = "UNDERPERFORMING_CHANNEL") RuleKind kind,
            @Schema(example = "Move budget away from {channelName}") String title,
            @Schema(example = "true") boolean enabledByDefault, @Schema(example = "true") boolean enabled,
            @Schema(example = "4") long accepted, @Schema(example = "1") long dismissed,
            @Schema(example = "0.8") @Nullable Double acceptanceRate) {

        static GuidanceRule of(RuleSwitch rule, AcceptanceRate rate) {
            return new GuidanceRule(rule.ruleId(), rule.version(), rule.kind(), rule.title(), rule.enabledByDefault(),
                    rule.enabled(), rate == null ? 0 : rate.accepted(), rate == null ? 0 : rate.dismissed(),
                    rate == null ? null : rate.rate());
        }
    }

    record GuidanceRules(List<GuidanceRule> rules) {
    }

    record RuleSwitchRequest(@Schema(example = "false") Boolean enabled) {
    }

    @Operation(summary = "Every recommendation rule, on or off in this workspace, with its acceptance rate (admins)")
    @GetMapping
    GuidanceRules rules() {
        Map<String, AcceptanceRate> rates = rates(reactions);
        return new GuidanceRules(switches.list().stream().map(r -> GuidanceRule.of(r, rates.get(r.ruleId()))).toList());
    }

    @Operation(summary = "Switch a recommendation rule on or off for this workspace (admins); an unknown rule is a "
            + "404 problem")
    @PutMapping("/{ruleId}")
    GuidanceRule set(@Parameter(example = "underperforming-channel") @PathVariable String ruleId, @RequestBody RuleSwitchRequest body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidInputException("enabled", "Say whether the rule is on (true) or off (false).");
        }
        RuleSwitch changed = switches.set(ruleId, body.enabled());
        return GuidanceRule.of(changed, rates(reactions).get(ruleId));
    }

    static Map<String, AcceptanceRate> rates(ReactionMemory reactions) {
        return reactions.acceptanceRates().stream()
                .collect(Collectors.toMap(AcceptanceRate::ruleId, Function.identity(), (a, b) -> a));
    }
}
