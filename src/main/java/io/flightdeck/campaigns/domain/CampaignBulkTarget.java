package io.flightdeck.campaigns.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Campaigns for bulk operations: a lifecycle move, a new owner, a tag added or removed, and delete, each through the
 * method a single change uses ({@link CampaignLifecycle#transition}, {@link Campaigns#update}, {@link Campaigns#delete})
 * so the lifecycle, the launch policy and the owner check apply. Every action needs a manager, as its endpoint does.
 * The lifecycle only goes forward except pause and resume, so a status undo is the reverse move where one exists and
 * is refused for the item otherwise, rather than writing a status no endpoint could reach.
 */
@Component
class CampaignBulkTarget extends BulkTargetSupport {

    static final String STATUS = "status";
    static final String ASSIGN = "assign";
    static final String TAG = "tag";
    static final String UNTAG = "untag";
    static final String DELETE = "delete";

    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(STATUS, "Change status", Role.MANAGER, List.of("status"), true),
            new BulkAction(ASSIGN, "Assign owner", Role.MANAGER, List.of("assigneeId"), true),
            new BulkAction(TAG, "Add tag", Role.MANAGER, List.of("tag"), true),
            new BulkAction(UNTAG, "Remove tag", Role.MANAGER, List.of("tag"), true),
            new BulkAction(DELETE, "Delete", Role.MANAGER, List.of(), true));

    private final Campaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final CampaignRepository repository;
    private final MemberDirectory members;

    CampaignBulkTarget(Campaigns campaigns, CampaignLifecycle lifecycle, CampaignRepository repository,
            MemberDirectory members) {
        super("campaigns", "Campaigns", "campaign", ACTIONS);
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.members = members;
    }

    @Override
    public Map<String, String> choices(String param) {
        Map<String, String> choices = new LinkedHashMap<>();
        switch (param) {
            case "status" -> Arrays.stream(CampaignTransition.values())
                    .forEach(move -> choices.put(move.path(), move.label()));
            case "assigneeId" -> members.members().forEach(m -> choices.put(m.userId().toString(), m.displayName()));
            default -> {
            }
        }
        return choices;
    }

    @Override
    public void check(String action, BulkParams params) {
        switch (action) {
            case STATUS -> move(params.status());
            case ASSIGN -> {
                if (params.assigneeId() == null || members.find(params.assigneeId()).isEmpty()) {
                    throw new InvalidInputException("params.assigneeId", "must be a member of this workspace");
                }
            }
            case TAG, UNTAG -> tag(params.tag());
            default -> {
            }
        }
    }

    @Override
    public String name(UUID id) {
        return repository.findById(id).map(Campaign::getName).orElse(null);
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        return namesOf(repository.findAllById(ids), Campaign::getId, Campaign::getName);
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        Campaign campaign = campaigns.live(id);
        CampaignSnapshot now = campaign.snapshot();
        Map<String, String> before = new HashMap<>();
        switch (action) {
            case STATUS -> {
                before.put("status", now.status().name());
                lifecycle.transition(id, move(params.status()), false, null, null);
            }
            case ASSIGN -> {
                before.put("ownerId", now.ownerId().toString());
                campaigns.update(id, details(now, now.tags(), params.assigneeId()), null);
            }
            case TAG, UNTAG -> {
                String tag = tag(params.tag());
                TreeSet<String> tags = new TreeSet<>(now.tags());
                boolean changed = TAG.equals(action) ? tags.add(tag) : tags.remove(tag);
                if (!changed) {
                    throw new ConflictException("nothing-to-change", TAG.equals(action)
                            ? "The campaign already has the tag " + tag : "The campaign does not have the tag " + tag);
                }
                before.put("tags", joinTags(now.tags()));
                campaigns.update(id, details(now, tags, now.ownerId()), null);
            }
            case DELETE -> campaigns.delete(id);
            default -> throw new InvalidInputException("action", "campaigns have no action " + action);
        }
        return withVersionAfter(before, repository, id, Campaign::getVersion);
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        Campaign campaign = repository.findById(id).orElseThrow(() -> new NotFoundException("The campaign"));
        unchangedSince(campaign.getVersion(), restore, "The campaign");
        switch (action) {
            case STATUS -> lifecycle.transition(id, reverse(campaign.snapshot().status().name(), restore.get("status")),
                    false, null, null);
            case ASSIGN -> {
                CampaignSnapshot now = campaign.snapshot();
                campaigns.update(id, details(now, now.tags(), UUID.fromString(restore.get("ownerId"))), null);
            }
            case TAG, UNTAG -> {
                CampaignSnapshot now = campaign.snapshot();
                campaigns.update(id, details(now, splitTags(restore.get("tags")), now.ownerId()), null);
            }
            case DELETE -> campaigns.restore(id);
            default -> throw new InvalidInputException("action", "campaigns have no action " + action);
        }
    }

    /** Only pause and resume undo each other; every other move has no way back in the lifecycle. */
    private static CampaignTransition reverse(String current, String previous) {
        if ("PAUSED".equals(current) && "ACTIVE".equals(previous)) {
            return CampaignTransition.RESUME;
        }
        if ("ACTIVE".equals(current) && "PAUSED".equals(previous)) {
            return CampaignTransition.PAUSE;
        }
        throw new ConflictException("not-reversible", "A campaign cannot go back from " + current.toLowerCase(Locale.ROOT)
                + " to " + previous.toLowerCase(Locale.ROOT) + "; its lifecycle only moves forward");
    }

    private static CampaignTransition move(String path) {
        return CampaignTransition.byPath(path == null ? "" : path.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("params.status", "must be one of the lifecycle moves "
                        + Arrays.stream(CampaignTransition.values()).map(CampaignTransition::path).toList()));
    }

    private static CampaignDetails details(CampaignSnapshot s, Set<String> tags, UUID ownerId) {
        return new CampaignDetails(s.name(), s.description(), s.type(), s.objective(), s.priority(), s.channels(), tags,
                s.startDate(), s.endDate(), s.budget(), ownerId);
    }
}
