package io.flightdeck.identity.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import jakarta.persistence.EntityManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the audit log names workspaces, accounts, memberships, invitations and API keys, and the page each is managed
 * on. Each kind names a page's records in one query.
 */
@Configuration(proxyBeanMethods = false)
class IdentityRecordKinds {

    @Bean
    RecordKind workspaceKind(EntityManager entityManager) {
        return RecordKind.of("Workspace", "Workspace", Map.of("timeZone", "Time zone"), ids -> {
            // Only this workspace is named: a person's other workspaces are none of this one's business.
            UUID current = TenantScope.current();
            Map<UUID, RecordLink> links = titled(entityManager, "select w.id, w.name from Workspace w where w.id in :ids",
                    ids.stream().filter(current::equals).toList(), "/settings/workspace");
            ids.stream().filter(id -> !id.equals(current)).forEach(id -> links.put(id, new RecordLink("Another workspace", null)));
            return links;
        });
    }

    @Bean
    RecordKind userAccountKind() {
        return RecordKind.of("UserAccount", "Account", Map.of("lastWorkspaceId", "Last workspace",
                "displayName", "Name", "timeZone", "Time zone", "passwordChangedAt", "Password changed"), ids -> Map.of())
                .withReferences(Map.of("lastWorkspaceId", "Workspace"));
    }

    @Bean
    RecordKind membershipKind(EntityManager entityManager) {
        return RecordKind.of("Membership", "Member", Map.of("userId", "Person", "user", "Person"),
                ids -> titled(entityManager, "select m.id, m.user.displayName from Membership m where m.id in :ids", ids, "/members"));
    }

    @Bean
    RecordKind invitationKind(EntityManager entityManager) {
        return RecordKind.of("Invitation", "Invitation", Map.of("invitedBy", "Invited by"),
                ids -> titled(entityManager, "select i.id, i.email from Invitation i where i.id in :ids", ids, "/members"));
    }

    @Bean
    RecordKind apiKeyKind(EntityManager entityManager) {
        return RecordKind.of("ApiKey", "API key", Map.of("roleCeiling", "Highest role", "userId", "Person"),
                ids -> titled(entityManager, "select k.id, k.name from ApiKey k where k.id in :ids", ids, "/settings/api-keys"));
    }

    /** Records managed in a list page of their own: each named by the query's second column, linking to that page. */
    private static Map<UUID, RecordLink> titled(EntityManager entityManager, String query, Collection<UUID> ids, String url) {
        Map<UUID, RecordLink> links = new HashMap<>();
        if (ids.isEmpty()) {
            return links;
        }
        entityManager.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()
                .forEach(row -> links.put((UUID) row[0], new RecordLink((String) row[1], url)));
        return links;
    }

}
