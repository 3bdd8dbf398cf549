package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.mail.MailSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sending domain's records through a fake resolver: which transports need them (auto: not the outbox), where the
 * DKIM key is looked for (Flightdeck's own selector, a relay's, or nowhere), and the TXT strings the JDK hands over.
 */
class SenderDomainCheckTests {

    private final List<String> asked = new ArrayList<>();
    private final DnsResolver dns = name -> {
        asked.add(name);
        return name.startsWith("_dmarc.") ? List.of("v=DMARC1; p=none")
                : name.contains("._domainkey.") ? List.of("k=rsa; p=MIIBIjAN") : List.of("v=spf1 -all");
    };

    private SenderDomainCheck check(String transport, String mode, MailSettings.Dkim dkim, String relaySelector) {
        return new SenderDomainCheck(dns, new MailSettings(transport, "Flightdeck <n@flightdeck.local>", null, dkim),
                new ReadinessProperties(mode, Duration.ofMinutes(5), relaySelector), Clock.systemUTC());
    }

    @Test
    void theOutboxNeedsNoRecordsUnlessAskedAndOffNeverLooks() {
        assertThat(check("outbox", "auto", null, "").items("news@shop.example"))
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(EmailReadinessState.NOT_NEEDED));
        assertThat(check("smtp", "off", null, "s1").items("news@shop.example"))
                .allSatisfy(i -> assertThat(i.detail()).contains("sender-dns is off"));
        assertThat(asked).isEmpty();
        assertThat(check("outbox", "on", null, "s1").items("news@shop.example"))
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(EmailReadinessState.DONE));
    }

    @Test
    void dkimIsLookedUpAtTheSigningSelectorOrTheRelaysOrBlocks() {
        MailSettings.Dkim signing = new MailSettings.Dkim("shop.example", "fd2026", "key", null);
        assertThat(check("smtp", "auto", signing, "").items("News <news@mail.shop.example>"))
                .filteredOn(i -> i.key().equals("dkim")).singleElement()
                .satisfies(i -> assertThat(i.detail()).isEqualTo("Found at fd2026._domainkey.shop.example."));
        assertThat(check("smtp", "auto", null, "relay1").items("news@shop.example"))
                .filteredOn(i -> i.key().equals("dkim")).singleElement()
                .satisfies(i -> assertThat(i.detail()).isEqualTo("Found at relay1._domainkey.shop.example."));
        assertThat(check("smtp", "auto", new MailSettings.Dkim("other.example", "s", "k", null), "")
                .items("news@shop.example")).filteredOn(i -> i.key().equals("dkim")).singleElement()
                .satisfies(i -> {
                    assertThat(i.state()).isEqualTo(EmailReadinessState.BLOCKED);
                    assertThat(i.detail()).contains("not signed with DKIM", "dkim-selector");
                });
    }

    @Test
    void aRecordOfSeveralQuotedStringsIsOneString() {
        assertThat(JndiDnsResolver.joined("\"v=spf1 include:_spf.example.net\" \" -all\""))
                .isEqualTo("v=spf1 include:_spf.example.net -all");
        assertThat(JndiDnsResolver.joined("v=DMARC1; p=none")).isEqualTo("v=DMARC1; p=none");
        assertThat(JndiDnsResolver.joined("\"a \\\"quoted\\\" word\"")).isEqualTo("a \"quoted\" word");
    }
}
