package io.flightdeck.approvals.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import jakarta.persistence.EntityManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names an approval and an approval scope, their fields, and where they are read. */
@Configuration(proxyBeanMethods = false)
class ApprovalRecordKinds {

    /** A stage as rows written before stages were stored as JSON hold it: {@code StageRule[name=Review, ...]}. */
    private static final Pattern STAGE_TEXT = Pattern.compile(
            "StageRule\\[name=(.*?), approverRole=(\\w+|null), approverIds=\\[(.*?)\\], requiredApprovals=(\\d+).*\\]");

    @Bean
    RecordKind approvalKind(EntityManager entityManager, CampaignDirectory campaigns) {
        return RecordKind.of("Approval", "Approval", Map.of("scopeName", "Scope", "stageIndex", "Stage",
                "requestedBy", "Requested by", "strategyVersion", "Strategy version", "campaignId", "Campaign",
                "stages", "Stages", "dueAt", "Due", "decidedAt", "Decided at", "rejectionReason", "Reason for rejecting"),
                ids -> approvalLinks(entityManager, campaigns, ids))
                .withReferences(Map.of("campaignId", "Campaign"))
                .withSummaries(Map.of("stages", ApprovalRecordKinds::stages));
    }

    @Bean
    RecordKind approvalScopeKind(EntityManager entityManager) {
        return RecordKind.of("ApprovalScope", "Approval scope", Map.of("stages", "Stages", "key", "Key"),
                ids -> {
                    Map<UUID, RecordLink> links = new HashMap<>();
                    entityManager.createQuery("select s.id, s.name from ApprovalScope s where s.id in :ids", Object[].class)
                            .setParameter("ids", ids).getResultList()
                            .forEach(row -> links.put((UUID) row[0], new RecordLink((String) row[1], "/settings/approvals")));
                    return links;
                })
                .withSummaries(Map.of("stages", ApprovalRecordKinds::stages));
    }

    /** Titled like Content · Autumn push, in one query for the approvals and one for their campaigns' names. */
    private static Map<UUID, RecordLink> approvalLinks(EntityManager entityManager, CampaignDirectory campaigns,
            Collection<UUID> ids) {
        List<Object[]> rows = entityManager.createQuery(
                "select a.id, a.scopeName, a.campaignId from Approval a where a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, CampaignSnapshot> named = campaigns.findAll(rows.stream().map(row -> (UUID) row[2]).distinct().toList());
        Map<UUID, RecordLink> links = new HashMap<>();
        for (Object[] row : rows) {
            CampaignSnapshot campaign = named.get((UUID) row[2]);
            String title = row[1] + (campaign == null ? "" : " · " + campaign.name());
            // Approvals are never deleted, only decided or withdrawn: every one keeps its page.
            links.put((UUID) row[0], new RecordLink(title, "/approvals/" + row[0]));
        }
        return links;
    }

    /** Stages in words, such as: Review (Approvers, 1 approval) → Brand (2 approvals); null for a shape it does not know. */
    static String stages(Object value) {
        if (!(value instanceof Collection<?> list)) {
            return null;
        }
        List<String> stages = list.stream().map(ApprovalRecordKinds::stage).toList();
        if (stages.contains(null)) {
            return null;
        }
        return stages.isEmpty() ? "No stages" : String.join(" → ", stages);
    }

    private static String stage(Object value) {
        if (value instanceof Map<?, ?> map) {
            Object approvers = map.get("approverIds");
            int named = approvers instanceof Collection<?> c ? c.size() : 0;
            return stage(String.valueOf(map.get("name")), map.get("approverRole") == null ? null : map.get("approverRole").toString(),
                    named, map.get("requiredApprovals") instanceof Number n ? n.intValue() : 1);
        }
        if (value instanceof String text) {
            Matcher m = STAGE_TEXT.matcher(text);
            if (m.matches()) {
                int named = m.group(3).isBlank() ? 0 : m.group(3).split(",").length;
                return stage(m.group(1), m.group(2), named, Integer.parseInt(m.group(4)));
            }
        }
        return null;
    }

    private static String stage(String name, String role, int namedApprovers, int required) {
        String who;
        if (namedApprovers > 0) {
            who = namedApprovers + (namedApprovers == 1 ? " named approver" : " named approvers");
        } else {
            who = roleWords(role);
        }
        return name + " (" + (who == null ? "" : who + ", ") + required + (required == 1 ? " approval)" : " approvals)");
    }

    private static String roleWords(String role) {
        if (role == null || "null".equals(role)) {
            return null;
        }
        try {
            return Role.valueOf(role).label() + "s";
        } catch (IllegalArgumentException unknown) {
            return role.toLowerCase(Locale.ROOT);
        }
    }
}
