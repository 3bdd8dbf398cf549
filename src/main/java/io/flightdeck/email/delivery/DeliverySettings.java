package io.flightdeck.email.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.webhooks.BasicAuthScheme;
import io.flightdeck.shared.webhooks.EcdsaHeaderScheme;
import io.flightdeck.shared.webhooks.SignatureScheme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's delivery settings: which provider sends its campaign mail, that provider's keys (encrypted with the
 * master key, never read back out), and the event webhooks' addresses and credentials. Callers check roles (admins
 * change these; members read what is not secret).
 */
@Service
public class DeliverySettings {

    /** Where the providers post their events: {@code .../mailjet/{token}} and {@code .../sendgrid/{token}}. */
    public static final String EVENTS_PATH = "/api/v1/email/provider-events/";
    /** The user name of the Mailjet webhook's Basic credentials; the password is the workspace's own. */
    static final String MAILJET_USER = "mailjet";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    private static final Pattern ONE_WORD = Pattern.compile("\\S{1,200}");

    /**
     * What an admin asks for. A null or blank key keeps the one stored; a provider needs its keys, given now or
     * before.
     */
    public record DeliveryChange(DeliveryProvider provider, String mailjetApiKey, String mailjetSecretKey,
            String sendgridApiKey, String sendgridVerificationKey) {
    }

    /** Where a provider's webhook delivery belongs and how to verify it. */
    public record EventEndpoint(UUID workspaceId, SignatureScheme scheme) {
    }

    private final DeliveryProfileRepository profiles;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DeliverySettings(DeliveryProfileRepository profiles, SecretCipher cipher, PublicUrls urls, TransactionTemplate tx,
            Clock clock) {
        this.profiles = profiles;
        this.cipher = cipher;
        this.urls = urls;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param revealWebhookPassword whether the Mailjet address shows its password (admins, who set it up) */
    @Transactional(readOnly = true)
    public DeliverySettingsView view(boolean revealWebhookPassword) {
        return view(profiles.findFirstBy().orElse(null), revealWebhookPassword);
    }

    /** Refused (412) when {@code expectedVersion} is not the current version (0 before anything was saved). */
    @Transactional
    public DeliverySettingsView update(DeliveryChange change, Long expectedVersion) {
        DeliveryProfile profile = profiles.findFirstBy().orElse(null);
        long version = versionOf(profile);
        if (expectedVersion != null && expectedVersion != version) {
            throw new PreconditionFailedException(version);
        }
        InputProblems problems = new InputProblems();
        if (change.provider() == null) {
            problems.add("provider", "Choose SMTP, MAILJET or SENDGRID");
        }
        String mailjetKey = key(problems, "mailjetApiKey", change.mailjetApiKey());
        String mailjetSecret = key(problems, "mailjetSecretKey", change.mailjetSecretKey());
        String sendgridKey = key(problems, "sendgridApiKey", change.sendgridApiKey());
        String verification = verificationKey(problems, change.sendgridVerificationKey());
        if (change.provider() == DeliveryProvider.MAILJET) {
            if (mailjetKey == null && (profile == null || profile.mailjetApiKey() == null)) {
                problems.add("mailjetApiKey", "Mailjet needs its API key");
            }
            if (mailjetSecret == null && (profile == null || profile.mailjetSecretKey() == null)) {
                problems.add("mailjetSecretKey", "Mailjet needs its secret key");
            }
        }
        if (change.provider() == DeliveryProvider.SENDGRID && sendgridKey == null
                && (profile == null || profile.sendgridApiKey() == null)) {
            problems.add("sendgridApiKey", "SendGrid needs an API key with the Mail Send permission");
        }
        problems.throwIfAny("The delivery settings");
        if (profile == null) {
            profile = new DeliveryProfile(newToken(), cipher.encrypt(newToken()), clock.instant());
        }
        profile.change(change.provider(), encrypted(mailjetKey), encrypted(mailjetSecret), encrypted(sendgridKey),
                verification, clock.instant());
        profiles.saveAndFlush(profile);
        return view(profile, true);
    }

    /** The provider the current workspace sends with, its keys decrypted; SMTP when nothing was set. */
    @Transactional(readOnly = true)
    public ProviderAccount account() {
        DeliveryProfile profile = profiles.findFirstBy().orElse(null);
        if (profile == null || profile.provider() == DeliveryProvider.SMTP) {
            return new ProviderAccount(DeliveryProvider.SMTP, versionOf(profile), null, null, null);
        }
        return new ProviderAccount(profile.provider(), versionOf(profile), decrypted(profile.mailjetApiKey()),
                decrypted(profile.mailjetSecretKey()), decrypted(profile.sendgridApiKey()));
    }

    /**
     * The workspace whose webhook address has this token, with the provider's verification: Basic credentials for
     * Mailjet, the stored public key for SendGrid. Empty for an unknown token, or SendGrid without a verification key.
     * Looked up across workspaces, because the address is all a webhook brings.
     */
    public Optional<EventEndpoint> eventEndpoint(DeliveryProvider provider, String token) {
        if (token == null || !TOKEN.matcher(token).matches() || provider == DeliveryProvider.SMTP) {
            return Optional.empty();
        }
        Optional<DeliveryProfile> found = TenantScope.system("provider webhook: the workspace of its address",
                () -> tx.execute(status -> profiles.findByWebhookToken(token)));
        return found.flatMap(profile -> {
            if (provider == DeliveryProvider.MAILJET) {
                return Optional.of(new EventEndpoint(profile.getTenantId(), new BasicAuthScheme(List.of(MAILJET_USER
                        + ":" + cipher.decrypt(profile.webhookPassword())))));
            }
            return Optional.ofNullable(profile.sendgridVerificationKey()).map(key -> new EventEndpoint(
                    profile.getTenantId(), EcdsaHeaderScheme.sendGrid(List.of(key), clock)));
        });
    }

    private DeliverySettingsView view(DeliveryProfile profile, boolean revealWebhookPassword) {
        if (profile == null) {
            return new DeliverySettingsView(DeliveryProvider.SMTP, null, null, null, null, null, null, 0);
        }
        String mailjetUrl = urls.ofOrLocal(EVENTS_PATH + "mailjet/" + profile.webhookToken());
        String password = revealWebhookPassword ? cipher.decrypt(profile.webhookPassword()) : "••••••••";
        mailjetUrl = mailjetUrl.replaceFirst("://", "://" + MAILJET_USER + ":" + password + "@");
        return new DeliverySettingsView(profile.provider(), masked(profile.mailjetApiKey()),
                masked(profile.mailjetSecretKey()), masked(profile.sendgridApiKey()),
                profile.sendgridVerificationKey(), mailjetUrl,
                urls.ofOrLocal(EVENTS_PATH + "sendgrid/" + profile.webhookToken()), versionOf(profile));
    }

    /** The last four characters of a stored key behind dots: enough to tell two keys apart, too little to use one. */
    private String masked(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        String key = cipher.decrypt(encrypted);
        return "••••" + (key.length() > 12 ? key.substring(key.length() - 4) : "");
    }

    private static String key(InputProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip();
        if (!ONE_WORD.matcher(key).matches()) {
            problems.add(field, "Paste the key as the provider shows it: one word of at most 200 characters");
            return null;
        }
        return key;
    }

    private String verificationKey(InputProblems problems, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip();
        try {
            if (key.length() > 1000) {
                throw new IllegalArgumentException("too long");
            }
            EcdsaHeaderScheme.sendGrid(List.of(key), clock);
            return key;
        } catch (IllegalArgumentException notAKey) {
            problems.add("sendgridVerificationKey", "Paste the verification key SendGrid shows for its signed event "
                    + "webhook (a P-256 public key in base64)");
            return null;
        }
    }

    private String encrypted(String value) {
        return value == null ? null : cipher.encrypt(value);
    }

    private String decrypted(String value) {
        return value == null ? null : cipher.decrypt(value);
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static long versionOf(DeliveryProfile profile) {
        return profile == null ? 0 : profile.version() + 1;
    }
}
