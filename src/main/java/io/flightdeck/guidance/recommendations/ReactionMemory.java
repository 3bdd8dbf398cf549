package io.flightdeck.guidance.recommendations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people did with recommendations, remembered per workspace: accept, dismiss with a reason, or snooze until a
 * date. A reaction is keyed on the recommendation's campaign, rule and target (not its wording) and hides it
 * ({@link #visible}) for a while:
 * <ul>
 *   <li>snoozed: until the start of the chosen day in the member's time zone, at most {@value #MAX_DAYS} days ahead;</li>
 *   <li>dismissed: while the evidence's fingerprint stays the same, for {@value #DISMISS_DAYS} days or until a chosen
 *   day;</li>
 *   <li>accepted: while the evidence's fingerprint stays the same, for {@value #ACCEPT_DAYS} days, after which an
 *   unchanged problem is worth saying again.</li>
 * </ul>
 * A new reaction to the same recommendation replaces the open one; undo takes one back. Everything here reads and
 * writes the current workspace's reactions only (Hibernate's tenant filter).
 */
@Service
public class ReactionMemory {

    static final int DISMISS_DAYS = 90;
    static final int ACCEPT_DAYS = 30;
    static final int MAX_DAYS = 365;
    static final int MAX_REASON_LENGTH = 500;
    /** The longest target id the table keeps (a channel's name, a UUID). */
    private static final int MAX_TARGET_ID_LENGTH = 100;

    /** One reaction as it was made. */
    public record ReactionView(@Schema(example = "0190c2a4-8b7e-7c4c-9d8e-3f1a2b3c4d60") UUID id,
            @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(example = "underperforming-channel") String ruleId, @Schema(example = "1") int ruleVersion,
            @Schema(example = "channel") String targetType, @Schema(example = "FACEBOOK") String targetId,
            @Schema(example = "DISMISSED") ReactionKind kind,
            @Schema(example = "Facebook is there for reach, not clicks") @Nullable String reason,
            @Schema(example = "2027-05-30T09:30:00Z") Instant until,
            @Schema(example = "0190c2a4-6b7e-7c4c-9d8e-3f1a2b3c4d5f") UUID createdBy,
            @Schema(example = "2027-03-01T09:30:00Z") Instant createdAt,
            @Schema(description = "What the recommendation said when the person reacted, for people",
                    example = "Move budget away from Facebook: its click rate is 35 % of the workspace's there")
            String title) {
    }

    /** A campaign's reactions still in their time, newest first, and how many of each kind. */
    public record CampaignReactions(List<ReactionView> reactions, Map<ReactionKind, Long> counts) {

        /** The counts in words, for example {@code 3 snoozed, 1 dismissed}; empty when there are none. */
        public String summary() {
            return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey().word()).collect(Collectors.joining(", "));
        }
    }

    /**
     * How often a rule's recommendations were taken up in this workspace: accepted against accepted plus dismissed,
     * over every reaction not undone; snoozes say neither. The rate is null without any.
     */
    public record AcceptanceRate(String ruleId, String title, long accepted, long dismissed, Double rate) {
    }

    private final ReactionRepository reactions;
    private final RuleBook rules;
    private final Clock clock;

    ReactionMemory(ReactionRepository reactions, RuleBook rules, Clock clock) {
        this.reactions = reactions;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Remembers a reaction to {@code recommendation} as it is now (its fingerprint included). A dismissal needs a
     * reason; a snooze needs {@code until}, a day after today; a dismissal may name one instead of its default time
     * box; an acceptance takes none.
     */
    @Transactional
    public ReactionView record(Recommendation recommendation, ReactionKind kind, String reason, LocalDate until) {
        rules.require(recommendation.ruleId());
        if (kind == null) {
            throw new InvalidInputException("reaction", "Choose accept, dismiss or snooze.");
        }
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Instant end = check(recommendation, kind, why, until, now);
        UUID by = CurrentActor.require().userId();
        Recommendation.Key key = recommendation.key();
        reactions.findActive(key.campaignId(), key.ruleId(), key.targetType(), key.targetId(), now)
                .forEach(open -> open.replace(now));
        return reactions.save(new Reaction(recommendation, kind, why, end, by, now)).view();
    }

    /** Takes a reaction back, so its recommendation shows again; another workspace's reaction is not found. */
    @Transactional
    public void undo(UUID reactionId) {
        reactions.findById(reactionId).orElseThrow(() -> new NotFoundException("The reaction"))
                .undo(clock.instant());
    }

    /** As {@link #undo(UUID)}, for a reaction to one of the campaign's recommendations; another's is not found. */
    @Transactional
    public void undo(UUID campaignId, UUID reactionId) {
        reactions.findById(reactionId).filter(r -> r.key().campaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("The reaction")).undo(clock.instant());
    }

    /** The campaign's reactions still in their time, with counts per kind (every kind, 0 included). */
    @Transactional(readOnly = true)
    public CampaignReactions active(UUID campaignId) {
        Instant now = clock.instant();
        List<Reaction> open = reactions.findActive(List.of(campaignId), now).stream()
                .sorted(Comparator.comparing(Reaction::createdAt).reversed()).toList();
        Map<ReactionKind, Long> counts = new EnumMap<>(ReactionKind.class);
        for (ReactionKind kind : ReactionKind.values()) {
            counts.put(kind, open.stream().filter(r -> r.kind() == kind).count());
        }
        return new CampaignReactions(open.stream().map(Reaction::view).toList(), counts);
    }

    /** The recommendations no reaction hides now, in their order. */
    @Transactional(readOnly = true)
    public List<Recommendation> visible(Collection<Recommendation> recommendations) {
        if (recommendations.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<UUID> campaigns = recommendations.stream().map(Recommendation::campaignId).collect(Collectors.toSet());
        Map<Recommendation.Key, List<Reaction>> byKey = reactions.findActive(campaigns, now).stream()
                .collect(Collectors.groupingBy(Reaction::key));
        return recommendations.stream()
                .filter(r -> byKey.getOrDefault(r.key(), List.of()).stream().noneMatch(x -> x.hides(r, now)))
                .toList();
    }

    /** Per rule (every rule in the book, and any that reactions name but the book no longer has). */
    @Transactional(readOnly = true)
    public List<AcceptanceRate> acceptanceRates() {
        Map<String, Map<ReactionKind, Long>> counted = new LinkedHashMap<>();
        for (ReactionRepository.ReactionCount row : reactions.countByRuleAndKind()) {
            counted.computeIfAbsent(row.getRuleId(), id -> new EnumMap<>(ReactionKind.class))
                    .put(row.getKind(), row.getReactions());
        }
        Set<String> ruleIds = new TreeSet<>(counted.keySet());
        rules.all().forEach(rule -> ruleIds.add(rule.id()));
        return ruleIds.stream().map(id -> {
            Map<ReactionKind, Long> counts = counted.getOrDefault(id, Map.of());
            long accepted = counts.getOrDefault(ReactionKind.ACCEPTED, 0L);
            long dismissed = counts.getOrDefault(ReactionKind.DISMISSED, 0L);
            return new AcceptanceRate(id, rules.find(id).map(RuleDefinition::titleTemplate).orElse(null), accepted,
                    dismissed, accepted + dismissed == 0 ? null : (double) accepted / (accepted + dismissed));
        }).toList();
    }

    /** Checks the reaction and answers when it ends. */
    private static Instant check(Recommendation recommendation, ReactionKind kind, String reason, LocalDate until,
            Instant now) {
        InputProblems problems = new InputProblems();
        if (recommendation.target().id().length() > MAX_TARGET_ID_LENGTH) {
            problems.add("target", "The recommendation's target id is longer than " + MAX_TARGET_ID_LENGTH
                    + " characters.");
        }
        if (kind == ReactionKind.DISMISSED && reason == null) {
            problems.add("reason", "Say why you dismiss it, so the team knows.");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            problems.add("reason", "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        ZoneId zone = CurrentActor.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (kind == ReactionKind.SNOOZED && until == null) {
            problems.add("until", "Choose the day it should come back.");
        } else if (kind == ReactionKind.ACCEPTED && until != null) {
            problems.add("until", "An accepted recommendation takes no date.");
        } else if (until != null && !until.isAfter(today)) {
            problems.add("until", "Choose a day after today.");
        } else if (until != null && until.isAfter(today.plusDays(MAX_DAYS))) {
            problems.add("until", "Choose a day within " + MAX_DAYS + " days.");
        }
        problems.throwIfAny("The reaction");
        if (until != null) {
            return until.atStartOfDay(zone).toInstant();
        }
        return now.plus(Duration.ofDays(kind == ReactionKind.ACCEPTED ? ACCEPT_DAYS : DISMISS_DAYS));
    }
}
