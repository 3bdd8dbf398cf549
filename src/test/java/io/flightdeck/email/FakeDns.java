package io.flightdeck.email;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.email.sending.DnsResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A DNS that answers every name with good records (an SPF policy at the domain, a DKIM key at any
 * {@code <selector>._domainkey.} name, a DMARC policy at {@code _dmarc.}), except names a test says are missing or
 * failing. For contexts whose mail really leaves (SMTP), where an email's readiness looks the records up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeDns {

    /** Names answered with no records at all. */
    static final Set<String> MISSING = ConcurrentHashMap.newKeySet();
    /** Names whose look-up gets no answer. */
    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @Bean
    @Primary
    DnsResolver fakeDnsResolver() {
        return name -> {
            if (FAILING.contains(name)) {
                throw new DnsResolver.LookupFailed("timed out", null);
            }
            if (MISSING.contains(name)) {
                return List.of();
            }
            if (name.startsWith("_dmarc.")) {
                return List.of("v=DMARC1; p=quarantine; rua=mailto:dmarc@" + name.substring(7));
            }
            if (name.contains("._domainkey.")) {
                return List.of("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
            }
            return List.of("google-site-verification=abc", "v=spf1 include:_spf.example.net -all");
        };
    }
}
