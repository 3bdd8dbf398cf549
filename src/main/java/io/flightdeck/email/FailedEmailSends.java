package io.flightdeck.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's email sends with recipients that failed for good (refused, or out of attempts), as other modules
 * (guidance's recommendations) read them: one query, current workspace only.
 */
@Service
public class FailedEmailSends {

    private final JdbcClient jdbc;

    FailedEmailSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An email send and its failed recipients.
     *
     * @param failure the error most of them failed with, or null when none was recorded
     */
    public record FailedSend(UUID id, String name, int failedRecipients, String failure) {
    }

    /** The campaign's sends with at least one failed recipient, by name. */
    @Transactional(readOnly = true)
    public List<FailedSend> ofCampaign(UUID campaignId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, Integer> failed = new LinkedHashMap<>();
        Map<UUID, String> commonest = new LinkedHashMap<>();
        Map<UUID, Integer> commonestCount = new LinkedHashMap<>();
        jdbc.sql("select e.id, e.name, r.error, count(*) from email_campaigns e"
                + " join email_recipients r on r.email_campaign_id = e.id"
                + " where e.tenant_id = ? and e.campaign_id = ? and r.state = 'FAILED'"
                + " group by e.id, e.name, r.error order by e.name, e.id")
                .params(TenantScope.require(), campaignId)
                .query((RowCallbackHandler) r -> {
                    UUID id = r.getObject(1, UUID.class);
                    int count = r.getInt(4);
                    names.put(id, r.getString(2));
                    failed.merge(id, count, Integer::sum);
                    String error = r.getString(3);
                    if (error != null && count > commonestCount.getOrDefault(id, 0)) {
                        commonest.put(id, error);
                        commonestCount.put(id, count);
                    }
                });
        List<FailedSend> sends = new ArrayList<>();
        names.forEach((id, name) -> sends.add(new FailedSend(id, name, failed.get(id), commonest.get(id))));
        return sends;
    }
}
