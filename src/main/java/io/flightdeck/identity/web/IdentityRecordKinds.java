package io.flightdeck.identity.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names workspaces, memberships, invitations and API keys, and the page each is managed on. */
@Configuration(proxyBeanMethods = false)
class IdentityRecordKinds {

    @Bean
    RecordKind workspaceKind() {
        return RecordKind.of("Workspace", "Workspace", Map.of("timeZone", "Time zone"), page("/settings/workspace"));
    }

    @Bean
    RecordKind membershipKind() {
        return RecordKind.of("Membership", "Member", Map.of("userId", "Person"), page("/members"));
    }

    @Bean
    RecordKind invitationKind() {
        return RecordKind.of("Invitation", "Invitation", Map.of("invitedBy", "Invited by"), page("/members"));
    }

    @Bean
    RecordKind apiKeyKind() {
        return RecordKind.of("ApiKey", "API key", Map.of("roleCeiling", "Highest role", "userId", "Person"),
                page("/settings/api-keys"));
    }

    /** Records managed in a list page of their own: every one links there, with no name of its own. */
    private static Function<java.util.Collection<UUID>, Map<UUID, RecordLink>> page(String url) {
        return ids -> ids.stream().collect(Collectors.toMap(Function.identity(), id -> new RecordLink(null, url)));
    }
}
