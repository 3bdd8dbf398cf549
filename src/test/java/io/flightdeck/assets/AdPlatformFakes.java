package io.flightdeck.assets;

import java.io.IOException;

import io.flightdeck.assets.platforms.FakeGoogleAds;
import io.flightdeck.assets.platforms.FakeMetaInsights;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Google Ads and Meta's Marketing API as one local fake for the run, as the ad platforms' addresses of the shared test
 * context ({@code FlightdeckTest} imports this). Only a campaign-space sync reaches them. The server stops with the JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdPlatformFakes {

    public static final MockWebServer SERVER = new MockWebServer();
    public static final FakeGoogleAds GOOGLE = new FakeGoogleAds();
    public static final FakeMetaInsights META = new FakeMetaInsights();

    static {
        SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (GOOGLE.handles(request)) {
                    return GOOGLE.dispatch(request);
                }
                if (META.handles(request)) {
                    return META.dispatch(request);
                }
                return FakeGoogleAds.json(404, "{\"error\":{\"message\":\"Unknown path\",\"code\":404}}");
            }
        });
        try {
            SERVER.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        META.base = "http://localhost:" + SERVER.getPort();
    }

    @Bean
    DynamicPropertyRegistrar adPlatformAddresses() {
        return registry -> {
            String base = "http://localhost:" + SERVER.getPort();
            registry.add("flightdeck.ad-platforms.google-ads.api-url", () -> base);
            registry.add("flightdeck.ad-platforms.google-ads.token-url", () -> base + "/google/token");
            registry.add("flightdeck.ad-platforms.meta.api-url", () -> base);
        };
    }
}
