package io.flightdeck.shared.jobs;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses db-scheduler's polling by database unless {@code FLIGHTDECK_JOB_POLLING} says otherwise: lock-and-fetch
 * (SELECT ... FOR UPDATE SKIP LOCKED, one round trip per batch) on PostgreSQL, plain fetch on H2, which db-scheduler
 * does not support lock-and-fetch on.
 */
class JobPollingStrategy implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "db-scheduler.polling-strategy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        String strategy = environment.getProperty("FLIGHTDECK_JOB_POLLING",
                url.startsWith("jdbc:postgresql:") ? "lock_and_fetch" : "fetch");
        environment.getPropertySources().addLast(new MapPropertySource("flightdeck-job-polling", Map.of(PROPERTY, strategy)));
    }

    @Override
    public int getOrder() {
        // After the config files and environment variables are loaded, so the datasource URL is known.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
