package io.flightdeck.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.ETags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small pieces of the kernel on their own. */
class SharedKernelTests {

    @TempDir
    java.nio.file.Path dataDir;

    @Test
    void idsAreVersion7AndOrderedByTime() throws InterruptedException {
        UUID first = Ids.newId();
        Thread.sleep(2);
        UUID second = Ids.newId();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.compareTo(second)).isNegative();
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Ids.newId());
        }
        assertThat(many).hasSize(10_000);
    }

    @Test
    void secretsRoundTripAndTamperingIsDetected() {
        SecretCipher cipher = new SecretCipher(masterKey("dGVzdC1vbmx5LXNlY3JldHMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiEhISE="));
        String sealed = cipher.encrypt("oauth-token-123");
        assertThat(sealed).startsWith("v1:").doesNotContain("oauth-token-123");
        assertThat(cipher.encrypt("oauth-token-123")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("oauth-token-123");

        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(IllegalStateException.class);

        SecretCipher otherKey = new SecretCipher(masterKey("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktb3RoZXIta2V5IQ=="));
        assertThatThrownBy(() -> otherKey.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept() {
        MasterKey first = masterKey("");
        MasterKey second = masterKey("");
        assertThat(dataDir.resolve("secrets.key")).exists();
        assertThat(first.derive("x")).isEqualTo(second.derive("x"));
        assertThat(first.derive("x")).isNotEqualTo(first.derive("y"));
    }

    @Test
    void aTooShortKeyIsRefusedAtStartup() {
        assertThatThrownBy(() -> masterKey("c2hvcnQ=")).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void etagsCarryTheVersion() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("W/\"4\"")).isEqualTo(4L);
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
        assertThatThrownBy(() -> ETags.expectedVersion("\"abc\"")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rolesNestAndApiKeyCeilingsCap() {
        assertThat(Role.OWNER.includes(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.includes(Role.OWNER)).isFalse();
        assertThat(Role.MANAGER.includes(Role.CONTRIBUTOR)).isTrue();
        assertThat(Role.APPROVER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.APPROVER.includes(Role.CONTRIBUTOR)).isFalse();
        assertThat(Role.ADMIN.cappedBy(Role.VIEWER)).isEqualTo(Role.VIEWER);
        assertThat(Role.CONTRIBUTOR.cappedBy(Role.ADMIN)).isEqualTo(Role.CONTRIBUTOR);
        assertThat(Role.APPROVER.cappedBy(Role.CONTRIBUTOR)).isEqualTo(Role.VIEWER);
        assertThat(Role.OWNER.authorities()).extracting(Object::toString).contains("ROLE_ADMIN", "ROLE_VIEWER");
    }

    private MasterKey masterKey(String configured) {
        return new MasterKey(configured, dataDir);
    }
}
