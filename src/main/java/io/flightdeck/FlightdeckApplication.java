package io.flightdeck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FlightdeckApplication {

    public static void main(String[] args) {
        SpringApplication.run(FlightdeckApplication.class, args);
    }
}
