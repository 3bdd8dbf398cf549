package io.flightdeck;

import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FlightdeckApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FlightdeckApplication.class);
        // -Dflightdeck.startup.jfr=true with -XX:StartFlightRecording records every start-up step as a JFR event
        // (docs/operations.md); off by default because the steps cost a little on every start.
        if (Boolean.getBoolean("flightdeck.startup.jfr")) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }

    /**
     * With {@code spring.main.lazy-initialization} on, these still start with the application: the schema is
     * migrated, Hibernate is booted (on its background thread) and jobs are polled before the app reports ready.
     */
    @Bean
    static LazyInitializationExcludeFilter startedWithTheApplication() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class, EntityManagerFactory.class,
                Scheduler.class);
    }
}
