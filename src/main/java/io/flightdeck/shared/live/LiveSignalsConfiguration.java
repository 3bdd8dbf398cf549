package io.flightdeck.shared.live;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Live signals by LISTEN/NOTIFY on PostgreSQL; on H2 (one node) within the JVM. */
@Configuration(proxyBeanMethods = false)
class LiveSignalsConfiguration {

    @Bean
    LiveSignals liveSignals(DataSourceProperties dataSource, JdbcTemplate jdbc) {
        String url = dataSource.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresLiveSignals(jdbc, url, dataSource.determineUsername(), dataSource.determinePassword());
        }
        return new InProcessLiveSignals(String.valueOf(url));
    }
}
