package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.abtest.Metric;
import io.flightdeck.email.abtest.Variant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each variant's numbers from the ledger, in one query: the people it left for, and how many of them did what the
 * test measures, as a person (machine opens and clicks never count): clicked, clicked through to the goal page, or
 * opened. A person counts once however often they clicked.
 */
@Component
class AbTestResults {

    private static final String LEFT = "('HANDED_OVER', 'SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED')";

    private final NamedParameterJdbcTemplate named;

    AbTestResults(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    List<Variant> measure(UUID tenantId, UUID emailCampaignId, List<String> keys, Metric metric, String goalUrl) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("tenantId", tenantId)
                .addValue("id", emailCampaignId).addValue("kind", metric == Metric.OPENS ? "OPEN" : "CLICK");
        String goal = "";
        if (metric == Metric.CONVERSIONS && goalUrl != null) {
            goal = " and e.url like :goal escape '!'";
            params.addValue("goal", goalUrl.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        Map<String, long[]> counts = new HashMap<>();
        named.query("select r.variant, count(*), sum(case when exists (select 1 from email_engagements e"
                + " where e.recipient_id = r.id and e.human = true and e.kind = :kind" + goal + ") then 1 else 0 end)"
                + " from email_recipients r where r.tenant_id = :tenantId and r.email_campaign_id = :id"
                + " and r.variant is not null and r.state in " + LEFT + " group by r.variant", params,
                (java.sql.ResultSet r) -> {
                    counts.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                });
        List<Variant> variants = new ArrayList<>();
        for (String key : keys) {
            long[] c = counts.getOrDefault(key, new long[2]);
            variants.add(new Variant(key, c[0], c[1]));
        }
        return variants;
    }
}
