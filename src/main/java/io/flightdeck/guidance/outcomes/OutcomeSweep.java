package io.flightdeck.guidance.outcomes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scores again, every hour by default, the outcomes that are not settled: analytics' numbers may arrive after a
 * campaign completes, so an outcome is scored again (and its predictions with it) until its late-numbers window has
 * passed. Each campaign is scored in its own workspace; one campaign's trouble does not hold up the others.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeSweep {

    static final String NAME = "guidance-outcome-sweep";

    private static final Logger log = LoggerFactory.getLogger(OutcomeSweep.class);

    private record Unsettled(UUID workspaceId, UUID campaignId) {
    }

    @Bean
    RecurringTask<Void> guidanceOutcomeSweepTask(Sweeper sweeper,
            @Value("${flightdeck.guidance.outcome-sweep-every:PT1H}") Duration every) {
        return JobTasks.every(NAME, every, sweeper::sweep);
    }

    @Bean
    Sweeper guidanceOutcomeSweeper(JdbcClient jdbc, OutcomeScoring scoring) {
        return new Sweeper(jdbc, scoring);
    }

    /** The sweep's work, apart from its schedule so that tests run it when they choose. */
    static final class Sweeper {

        private final JdbcClient jdbc;
        private final OutcomeScoring scoring;

        Sweeper(JdbcClient jdbc, OutcomeScoring scoring) {
            this.jdbc = jdbc;
            this.scoring = scoring;
        }

        /** Scores every unsettled outcome of every workspace again; answers how many it scored. */
        int sweep() {
            List<Unsettled> due = TenantScope.system("guidance outcome sweep", () -> jdbc.sql(
                    "select tenant_id, campaign_id from guidance_outcomes where settled = false order by completed_at")
                    .query((r, i) -> new Unsettled(r.getObject(1, UUID.class), r.getObject(2, UUID.class))).list());
            int scored = 0;
            for (Unsettled outcome : due) {
                try {
                    TenantScope.run(outcome.workspaceId(), () -> scoring.score(outcome.campaignId(), null));
                    scored++;
                } catch (RuntimeException e) {
                    log.warn("Outcome of campaign {} not scored this time: {}", outcome.campaignId(), e.toString());
                }
            }
            return scored;
        }
    }
}
