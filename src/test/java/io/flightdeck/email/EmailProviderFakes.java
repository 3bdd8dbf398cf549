package io.flightdeck.email;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.flightdeck.email.providers.FakeMailjet;
import io.flightdeck.email.providers.FakeSendGrid;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Mailjet's and SendGrid's fakes, one each for the run, as the providers' addresses of the shared test context
 * ({@code FlightdeckTest} imports this): only a workspace whose delivery settings name a provider sends to them, so no
 * other test meets them, and the provider tests need no context of their own. The fakes stop with the JVM. Unconfirmed
 * Mailjet rows are looked up at once, instead of after Mailjet's message list has had time to catch up; a refused
 * recipient is tried again after a second, and sending is not throttled.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmailProviderFakes {

    public static final FakeMailjet MAILJET = start(FakeMailjet::new);
    public static final FakeSendGrid SENDGRID = start(FakeSendGrid::new);

    @Bean
    DynamicPropertyRegistrar emailProviderAddresses() {
        return registry -> {
            registry.add("flightdeck.email.providers.mailjet-base-url", () -> MAILJET.base().toString());
            registry.add("flightdeck.email.providers.sendgrid-base-url", () -> SENDGRID.base().toString());
            registry.add("flightdeck.email.providers.look-up-after", () -> "PT0S");
            registry.add("flightdeck.email.sending.retry-pause", () -> "PT1S");
            registry.add("flightdeck.email.sending.rate-per-second", () -> "0");
        };
    }

    private interface Starter<T> {
        T start() throws IOException;
    }

    private static <T> T start(Starter<T> fake) {
        try {
            return fake.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
