package io.flightdeck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
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
}
