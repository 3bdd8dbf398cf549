package io.flightdeck.shared.web;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link LoadShedding} in front of everything but the request log (so a refused request still has its id): before
 * sign-in, since checking a key or token already costs the database a query.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${flightdeck.load-shedding.concurrent-requests:0} > 0")
class LoadSheddingConfiguration {

    @Bean
    FilterRegistrationBean<LoadShedding> loadShedding(
            @Value("${flightdeck.load-shedding.concurrent-requests}") int concurrent,
            @Value("${flightdeck.load-shedding.wait:PT1S}") Duration wait, ProblemResponses problems,
            MeterRegistry meters) {
        FilterRegistrationBean<LoadShedding> registration = new FilterRegistrationBean<>(
                new LoadShedding(concurrent, wait, problems, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
