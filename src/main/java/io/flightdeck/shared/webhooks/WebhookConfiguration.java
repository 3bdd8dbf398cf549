package io.flightdeck.shared.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.jobs.JobTasks;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The kit's wiring: a controller parameter of type {@link WebhookRequest} gets the raw delivery, read up to the size
 * limit before the handler runs (so an oversized body is 413 and nothing happens); the OpenAPI document leaves that
 * parameter out (an operation documents its body itself); and an hourly task forgets old delivery ids.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration implements WebMvcConfigurer {

    static {
        // springdoc keeps the types it leaves out of the document in a global setting, not in a bean
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WebhookRequest.class);
    }

    private final WebhookProperties properties;

    WebhookConfiguration(WebhookProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        // the reader asks for one byte more than the limit, which must still be an array size
        resolvers.add(new RawBodyReader((int) Math.min(properties.maxBodySize().toBytes(), Integer.MAX_VALUE - 16)));
    }

    @Bean
    RecurringTask<Void> forgetOldWebhookDeliveries(WebhookDeliveries deliveries, Clock clock) {
        return JobTasks.every("forget-old-webhook-deliveries", Duration.ofHours(1),
                () -> deliveries.forgetReceivedBefore(clock.instant().minus(properties.keepDeliveries())));
    }

    /** Reads the body's bytes as they came, never through a message converter. */
    static final class RawBodyReader implements HandlerMethodArgumentResolver {

        private final int limit;

        RawBodyReader(int limit) {
            this.limit = limit;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == WebhookRequest.class;
        }

        @Override
        public WebhookRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            if (request.getContentLengthLong() > limit) {
                throw tooLarge();
            }
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                // one byte more than allowed tells a body over the limit without reading the rest of it
                body = in.readNBytes(limit + 1);
            }
            if (body.length > limit) {
                throw tooLarge();
            }
            return WebhookRequest.of(request, body);
        }

        private PayloadTooLargeException tooLarge() {
            return new PayloadTooLargeException("The delivery is larger than this server accepts (at most " + limit
                    + " bytes)", limit);
        }
    }
}
