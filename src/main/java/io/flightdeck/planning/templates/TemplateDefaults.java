package io.flightdeck.planning.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six built-in templates (one per campaign type but Other), read from {@code planning/default-templates.json}.
 * A workspace gets its own editable copies the first time its templates are read. Seeding commits in a transaction of
 * its own under a per-workspace lock, so two first reads at once (a page and the automatic timeline, say) seed once.
 */
@Component
class TemplateDefaults {

    private static final String RESOURCE = "planning/default-templates.json";

    record Builtin(CampaignType type, String name, String description, List<TemplateItem> items) {
    }

    private final TimelineTemplateRepository templates;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final List<Builtin> builtins;
    private final ConcurrentMap<UUID, Object> locks = new ConcurrentHashMap<>();
    /** Workspaces known to have their templates, so reads skip the check (and its transaction) after the first. */
    private final Set<UUID> seeded = ConcurrentHashMap.newKeySet();

    TemplateDefaults(TimelineTemplateRepository templates, Clock clock, JsonMapper json,
            PlatformTransactionManager transactionManager) {
        this.templates = templates;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.builtins = read(json);
    }

    List<Builtin> builtins() {
        return builtins;
    }

    /**
     * Writes the built-in templates for the current workspace unless it has (or had) templates already. The lock is
     * held until the new transaction has committed, so a second caller sees the rows.
     */
    void seedIfNeeded() {
        UUID workspace = TenantScope.require();
        if (seeded.contains(workspace)) { // templates are only ever soft-deleted, so once seeded stays seeded
            return;
        }
        synchronized (locks.computeIfAbsent(workspace, id -> new Object())) {
            transactions.executeWithoutResult(status -> {
                if (templates.countBy() > 0) {
                    return;
                }
                Instant now = clock.instant();
                for (Builtin builtin : builtins) {
                    templates.save(new TimelineTemplate(builtin.type(), builtin.name(), builtin.description(), true,
                            builtin.items(), now));
                }
            });
            seeded.add(workspace);
        }
    }

    private static List<Builtin> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            List<Builtin> read = json.readValue(in, new TypeReference<List<Builtin>>() {
            });
            read.forEach(b -> TemplateValidation.check(new TemplateChange(b.type(), b.name(), b.description(), b.items())));
            return List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
