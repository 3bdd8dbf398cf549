package io.flightdeck.email.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.flightdeck.email.tracking.EngagementClassification.Actor;
import io.flightdeck.email.tracking.EngagementClassification.Rule;
import io.flightdeck.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static io.flightdeck.email.tracking.EngagementEvent.click;
import static io.flightdeck.email.tracking.EngagementEvent.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per rule, and the readers each rule must leave alone. */
class EngagementClassifierTests {

    private static final Instant DELIVERED = Instant.parse("2026-03-02T09:00:00Z");
    private static final String OUTLOOK_DESKTOP = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)";
    private static final String IPHONE_MAIL = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String HOME_IP = "203.0.113.7";
    private static final String APPLE_RELAY_IP = "172.225.5.17"; // inside 172.225.5.0/25 of the default list

    private final EngagementClassifier classifier = new EngagementClassifier();

    private static Instant after(Duration d) {
        return DELIVERED.plus(d);
    }

    @Test
    void anOpenHourAfterDeliveryFromDesktopOutlookIsHuman() {
        var result = classifier.classify(open(after(Duration.ofHours(1)), OUTLOOK_DESKTOP, HOME_IP), DELIVERED, List.of());
        assertThat(result.actor()).isEqualTo(Actor.HUMAN);
        assertThat(result.rule()).isEqualTo(Rule.NO_MACHINE_SIGN);
        assertThat(result.reason()).isEqualTo(
                "No sign of a machine: 60 min after delivery, from a user agent that is no known scanner or proxy.");
    }

    @Test
    void aClickAfterAnOpenFromAnIphoneIsHuman() {
        var opened = open(after(Duration.ofMinutes(10)), IPHONE_MAIL, HOME_IP);
        var clicked = click(after(Duration.ofMinutes(11)), 0, IPHONE_SAFARI, HOME_IP);
        var result = classifier.classify(clicked, DELIVERED, List.of(opened));
        assertThat(result.human()).isTrue();
        assertThat(result.rule()).isEqualTo(Rule.NO_MACHINE_SIGN);
    }

    @Test
    void theBareMozillaUserAgentIsAppleMailPrivacyProtection() {
        // hours after delivery and from an ordinary address: the user agent alone gives the proxy away
        var result = classifier.classify(open(after(Duration.ofHours(3)), "Mozilla/5.0", HOME_IP), DELIVERED, List.of());
        assertThat(result.actor()).isEqualTo(Actor.MACHINE);
        assertThat(result.rule()).isEqualTo(Rule.APPLE_MAIL_PRIVACY_PROTECTION);
        assertThat(result.reason()).contains("Mozilla/5.0");
    }

    @Test
    void anOpenFromApplesProxyRangesIsAppleMailPrivacyProtection() {
        var result = classifier.classify(open(after(Duration.ofHours(3)), IPHONE_MAIL, APPLE_RELAY_IP), DELIVERED,
                List.of());
        assertThat(result.rule()).isEqualTo(Rule.APPLE_MAIL_PRIVACY_PROTECTION);
        assertThat(result.reason()).contains(APPLE_RELAY_IP);

        // the same address written as IPv4-mapped IPv6, as a dual-stack server may log it
        assertThat(classifier.classify(open(after(Duration.ofHours(3)), IPHONE_MAIL, "::ffff:" + APPLE_RELAY_IP),
                DELIVERED, List.of()).rule()).isEqualTo(Rule.APPLE_MAIL_PRIVACY_PROTECTION);
        // just outside the /25
        assertThat(classifier.classify(open(after(Duration.ofHours(3)), IPHONE_MAIL, "172.225.5.128"), DELIVERED,
                List.of()).human()).isTrue();
    }

    @Test
    void aClickFromApplesProxyRangesIsAReaderUsingPrivateRelay() {
        var result = classifier.classify(click(after(Duration.ofHours(3)), 0, IPHONE_SAFARI, APPLE_RELAY_IP),
                DELIVERED, List.of());
        assertThat(result.human()).isTrue();
    }

    @Test
    void theProxyRangesAreConfigurableFromApplesList() throws Exception {
        String csv = "172.224.226.0/27,GB,GB-EN,London,\n2a02:26f7:c8c0::/44,DE,DE-HE,Frankfurt am Main,\n\n";
        List<String> ranges = AppleEgressCsv.read(stream(csv));
        assertThat(ranges).containsExactly("172.224.226.0/27", "2a02:26f7:c8c0::/44");

        var custom = new EngagementClassifier(ClassifierSettings.defaults().withAppleProxyRanges(ranges));
        // 2a02:26f7:c8c0::/44 runs to 2a02:26f7:c8cf:ffff:…
        assertThat(custom.classify(open(after(Duration.ofHours(1)), IPHONE_MAIL, "2a02:26f7:c8cf:1::5"), DELIVERED,
                List.of()).rule()).isEqualTo(Rule.APPLE_MAIL_PRIVACY_PROTECTION);
        assertThat(custom.classify(open(after(Duration.ofHours(1)), IPHONE_MAIL, "2a02:26f7:c8d0::5"), DELIVERED,
                List.of()).human()).isTrue();
        // the default ranges are gone from this one
        assertThat(custom.classify(open(after(Duration.ofHours(1)), IPHONE_MAIL, APPLE_RELAY_IP), DELIVERED,
                List.of()).human()).isTrue();
    }

    @Test
    void anOpenOrClickWithinTwoSecondsOfDeliveryIsAPrefetch() {
        var open = classifier.classify(open(after(Duration.ofMillis(1_500)), OUTLOOK_DESKTOP, HOME_IP), DELIVERED,
                List.of());
        assertThat(open.rule()).isEqualTo(Rule.PREFETCH_AT_DELIVERY);
        assertThat(open.reason()).startsWith("An open 1.5 s after delivery");

        var click = classifier.classify(click(after(Duration.ofSeconds(2)), 3, IPHONE_SAFARI, HOME_IP), DELIVERED,
                List.of());
        assertThat(click.rule()).isEqualTo(Rule.PREFETCH_AT_DELIVERY);
        assertThat(click.reason()).startsWith("A click 2 s after delivery");

        // an open stamped before the delivery (clocks of two services disagreeing) is no reader either
        assertThat(classifier.classify(open(DELIVERED.minusSeconds(1), OUTLOOK_DESKTOP, HOME_IP), DELIVERED,
                List.of()).rule()).isEqualTo(Rule.PREFETCH_AT_DELIVERY);

        assertThat(classifier.classify(open(after(Duration.ofMillis(2_001)), OUTLOOK_DESKTOP, HOME_IP), DELIVERED,
                List.of()).human()).isTrue();
        // without a delivery time the rule cannot apply
        assertThat(classifier.classify(open(after(Duration.ofMillis(500)), OUTLOOK_DESKTOP, HOME_IP), null,
                List.of()).human()).isTrue();

        var patient = new EngagementClassifier(ClassifierSettings.defaults().withPrefetchWindow(Duration.ofSeconds(10)));
        assertThat(patient.classify(open(after(Duration.ofSeconds(8)), OUTLOOK_DESKTOP, HOME_IP), DELIVERED,
                List.of()).rule()).isEqualTo(Rule.PREFETCH_AT_DELIVERY);
    }

    @Test
    void severalLinksClickedWithinASecondAreAScanner() {
        // a browser-like user agent, minutes after delivery: only the timing gives it away
        var first = click(after(Duration.ofMinutes(5)), 0, IPHONE_SAFARI, HOME_IP);
        var second = click(after(Duration.ofMinutes(5)).plusMillis(300), 1, IPHONE_SAFARI, HOME_IP);
        var third = click(after(Duration.ofMinutes(5)).plusMillis(600), 2, IPHONE_SAFARI, HOME_IP);

        var result = classifier.classify(third, DELIVERED, List.of(first, second));
        assertThat(result.rule()).isEqualTo(Rule.CLICK_BURST);
        assertThat(result.reason()).startsWith("3 different links of this message clicked within 1 s");

        // seen alone, the first click looks human; seen again with what followed, it is part of the burst
        assertThat(classifier.classify(first, DELIVERED, List.of()).human()).isTrue();
        assertThat(classifier.classify(first, DELIVERED, List.of(first, second, third)).rule())
                .isEqualTo(Rule.CLICK_BURST);
    }

    @Test
    void aDoubleClickOrTwoLinksMinutesApartIsNoBurst() {
        var click = click(after(Duration.ofMinutes(5)), 0, IPHONE_SAFARI, HOME_IP);
        var doubleClick = click(after(Duration.ofMinutes(5)).plusMillis(250), 0, IPHONE_SAFARI, HOME_IP);
        assertThat(classifier.classify(doubleClick, DELIVERED, List.of(click)).human()).isTrue();

        var later = click(after(Duration.ofMinutes(7)), 1, IPHONE_SAFARI, HOME_IP);
        assertThat(classifier.classify(later, DELIVERED, List.of(click, doubleClick)).human()).isTrue();
    }

    @Test
    void knownScannersAndScriptsAreMachines() {
        List<String> agents = List.of(
                "Mozilla/5.0 (compatible; Barracuda Sentinel)",
                "Proofpoint URL Defense",
                "Mimecast URL Protect",
                "Microsoft Office Protocol Discovery",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
                "PYTHON-REQUESTS/2.31.0",
                "curl/8.5.0",
                "Go-http-client/1.1");
        for (String agent : agents) {
            var result = classifier.classify(click(after(Duration.ofMinutes(30)), 0, agent, HOME_IP), DELIVERED,
                    List.of());
            assertThat(result.rule()).as(agent).isEqualTo(Rule.SECURITY_SCANNER);
            assertThat(result.reason()).as(agent).endsWith("with no open before it.");
        }
        var afterOpen = classifier.classify(click(after(Duration.ofMinutes(30)), 0, "Proofpoint URL Defense", HOME_IP),
                DELIVERED, List.of(open(after(Duration.ofMinutes(20)), OUTLOOK_DESKTOP, HOME_IP)));
        assertThat(afterOpen.reason()).isEqualTo(
                "A click by a security scanner or script (its user agent names Proofpoint), after an open.");
        // Outlook's own user agent shares words with the Office probe, but is a reader
        assertThat(classifier.classify(click(after(Duration.ofMinutes(30)), 0, OUTLOOK_DESKTOP, HOME_IP), DELIVERED,
                List.of()).human()).isTrue();
    }

    @Test
    void unreadableAddressesAreSimplyNotInAnyRange() {
        for (String ip : new String[] {"", "unknown", "example.com", "999.1.1.1", "::zz", ".:1", "1:2:3"}) {
            assertThat(classifier.classify(open(after(Duration.ofHours(1)), OUTLOOK_DESKTOP, ip), DELIVERED, List.of())
                    .human()).as(ip).isTrue();
        }
        assertThat(classifier.classify(open(after(Duration.ofHours(1)), null, null), DELIVERED, null).human()).isTrue();
    }

    @Test
    void badSettingsAndEventsAreRefused() {
        for (String cidr : new String[] {"10.0.0.0/33", "banana/8", "example.com/24", "10.0.0.0", "2a02::/129"}) {
            assertThatThrownBy(() -> new EngagementClassifier(ClassifierSettings.defaults()
                    .withAppleProxyRanges(List.of(cidr))))
                    .as(cidr)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("appleProxyRanges"))
                    .hasMessageContaining("Not a CIDR range");
        }
        assertThatThrownBy(() -> ClassifierSettings.defaults().withPrefetchWindow(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ClassifierSettings(Duration.ZERO, Duration.ZERO, 2, List.of(), List.of(" ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> click(DELIVERED, -1, IPHONE_SAFARI, HOME_IP))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("index of the link");
        assertThatThrownBy(() -> new EngagementEvent(EngagementKind.OPEN, DELIVERED, "", "", 3))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rangesAreMergedAndSearched() {
        IpRangeSet set = IpRangeSet.of(List.of("10.0.0.0/23", "10.0.0.128/25", "10.0.1.0/24", "192.168.0.0/16",
                "2001:db8::/32"));
        assertThat(set.size()).isEqualTo(3); // the /23 holds the next two: one interval, 10.0.0.0 to 10.0.1.255
        assertThat(set.contains("10.0.1.255")).isTrue();
        assertThat(set.contains("10.0.2.0")).isFalse();
        assertThat(set.contains("9.255.255.255")).isFalse();
        assertThat(set.contains("192.168.200.1")).isTrue();
        assertThat(set.contains("2001:db8:ffff::1")).isTrue();
        assertThat(set.contains("2001:db9::")).isFalse();
        assertThat(IpRangeSet.of(List.of()).contains("10.0.0.1")).isFalse();
        // ranges that touch are one interval, as Apple's neighbouring relays are; a gap keeps two
        assertThat(IpRangeSet.of(List.of("172.226.0.0/27", "172.226.0.32/27", "172.226.0.96/27")).size()).isEqualTo(2);
        assertThat(IpRangeSet.of(List.of("2a02:26f7:b3c0:4000::/64", "2a02:26f7:b3c0:4001::/64")).size()).isEqualTo(1);
        assertThat(IpRangeSet.of(List.of("255.255.255.255/32", "::ffff:255.255.255.255/128")).size()).isEqualTo(1);
    }

    @Test
    void whatIsNotApplesListIsRefusedWhole() throws Exception {
        assertThatThrownBy(() -> AppleEgressCsv.read(stream(""))).hasMessage("The answer was empty");
        assertThatThrownBy(() -> AppleEgressCsv.read(stream("<!DOCTYPE html>\n<html><body>Sign in to Wi-Fi</body></html>\n")))
                .hasMessageStartingWith("The answer holds no address range; its first line reads: <!DOCTYPE html>");
        StringBuilder mostlyGood = new StringBuilder();
        for (int i = 0; i < 198; i++) {
            mostlyGood.append("10.0.").append(i).append(".0/24,US,US-CA,Cupertino,\n");
        }
        // 3 unreadable lines in 201 is more than 1 in 100: a damaged file, refused
        String threeBad = mostlyGood + "not a range,US,,,\n10.0.300.0/24,US,,,\n10.0.0.0/33,US,,,\n";
        assertThatThrownBy(() -> AppleEgressCsv.read(stream(threeBad)))
                .hasMessage("3 of 201 lines are not address ranges (the first reads: not a range,US,,,)");
        // 2 in 200 are skipped
        assertThat(AppleEgressCsv.read(stream(mostlyGood + "not a range,US,,,\n10.0.300.0/24,US,,,\n"))).hasSize(198);
        // a line with no end is not read into memory whole: the stream stops past the limit
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> AppleEgressCsv.read(endless, 1024 * 1024)).hasMessage("The answer is larger than "
                + "1 MB, which Apple's list is not");
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
