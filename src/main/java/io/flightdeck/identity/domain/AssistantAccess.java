package io.flightdeck.identity.domain;

import java.util.UUID;

import io.flightdeck.shared.assistant.AssistantLimits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What identity keeps about AI assistants' access: each key's limits and the workspace's read-only switch. */
@Component
class AssistantAccess implements AssistantLimits.Source {

    private final ApiKeys keys;
    private final WorkspaceRepository workspaces;

    AssistantAccess(ApiKeys keys, WorkspaceRepository workspaces) {
        this.keys = keys;
        this.workspaces = workspaces;
    }

    @Override
    public AssistantLimits ofKey(UUID workspaceId, UUID keyId) {
        return keys.assistantLimits(workspaceId, keyId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean workspaceReadOnly(UUID workspaceId) {
        return workspaces.findById(workspaceId).map(Workspace::isAssistantsReadOnly).orElse(true);
    }
}
