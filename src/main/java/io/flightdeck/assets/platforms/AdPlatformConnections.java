package io.flightdeck.assets.platforms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current workspace's ad-platform connections: created with their credentials encrypted, listed and read without
 * them, deleted. Callers check roles.
 */
@Service
public class AdPlatformConnections {

    private static final Pattern CUSTOMER_ID = Pattern.compile("\\d{10}");
    private static final Pattern AD_ACCOUNT = Pattern.compile("act_\\d{1,30}");

    private final AdPlatformConnectionRepository connections;
    private final SecretCipher cipher;
    private final Clock clock;

    AdPlatformConnections(AdPlatformConnectionRepository connections, SecretCipher cipher, Clock clock) {
        this.connections = connections;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public AdPlatformConnectionView create(AdPlatformConnectionRequest request) {
        UUID actor = CurrentActor.require().userId();
        InputProblems problems = new InputProblems();
        AdPlatformConnection created = switch (request.platform()) {
            case GOOGLE_ADS -> googleAds(request, problems, actor);
            case META -> meta(request, problems, actor);
            default -> {
                problems.add("platform", "only GOOGLE_ADS and META can be connected");
                yield null;
            }
        };
        problems.throwIfAny("The connection");
        return connections.save(created).view();
    }

    private AdPlatformConnection googleAds(AdPlatformConnectionRequest r, InputProblems problems, UUID actor) {
        // Google shows customer ids as 123-456-7890; the API takes the digits alone
        String customerId = r.accountId().replace("-", "").strip();
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            problems.add("accountId", "a Google Ads customer id is ten digits, such as 123-456-7890");
        }
        String login = r.loginCustomerId() == null || r.loginCustomerId().isBlank() ? null
                : r.loginCustomerId().replace("-", "").strip();
        if (login != null && !CUSTOMER_ID.matcher(login).matches()) {
            problems.add("loginCustomerId", "a manager account's customer id is ten digits, such as 123-456-7890");
        }
        required(problems, "developerToken", r.developerToken());
        required(problems, "oauthClientId", r.oauthClientId());
        required(problems, "oauthClientSecret", r.oauthClientSecret());
        required(problems, "refreshToken", r.refreshToken());
        if (!problems.isEmpty()) {
            return null;
        }
        return AdPlatformConnection.googleAds(r.name().strip(), customerId, login, cipher.encrypt(r.developerToken()),
                cipher.encrypt(r.oauthClientId()), cipher.encrypt(r.oauthClientSecret()),
                cipher.encrypt(r.refreshToken()), actor, clock.instant());
    }

    private AdPlatformConnection meta(AdPlatformConnectionRequest r, InputProblems problems, UUID actor) {
        String account = r.accountId().strip();
        if (!AD_ACCOUNT.matcher(account).matches()) {
            problems.add("accountId", "a Meta ad account id is act_ followed by its digits");
        }
        required(problems, "accessToken", r.accessToken());
        if (!problems.isEmpty()) {
            return null;
        }
        return AdPlatformConnection.meta(r.name().strip(), account, cipher.encrypt(r.accessToken()), actor,
                clock.instant());
    }

    private static void required(InputProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "must not be blank");
        }
    }

    @Transactional(readOnly = true)
    public List<AdPlatformConnectionView> list() {
        return connections.findAllByOrderByNameAscIdAsc().stream().map(AdPlatformConnection::view).toList();
    }

    @Transactional(readOnly = true)
    public AdPlatformConnectionView get(UUID id) {
        return find(id).view();
    }

    /** A new name, as people tell the workspace's connections apart; the account and credentials stay. */
    @Transactional
    public AdPlatformConnectionView rename(UUID id, String name) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (named.length() > 200) {
            throw new InvalidInputException("name", "must be at most 200 characters");
        }
        AdPlatformConnection c = find(id);
        c.rename(named);
        return connections.saveAndFlush(c).view();
    }

    @Transactional
    public void delete(UUID id) {
        connections.delete(find(id));
    }

    /** The connection a sync of a space on {@code platform} uses: the one named, else the platform's oldest. */
    @Transactional(readOnly = true)
    public AdPlatformCredentials credentials(AdPlatform platform, UUID connectionId) {
        AdPlatformConnection c = connectionId != null ? find(connectionId)
                : connections.findByPlatformOrderByCreatedAtAscIdAsc(platform).stream().findFirst()
                        .orElseThrow(() -> new NotFoundException("A " + platform + " connection"));
        if (c.platform() != platform) {
            throw new InvalidInputException("connectionId",
                    "the connection is to " + c.platform() + "; the campaign space is on " + platform);
        }
        return new AdPlatformCredentials(c.getId(), c.accountId(), c.loginCustomerId(), open(c.developerToken()),
                open(c.oauthClientId()), open(c.oauthClientSecret()), open(c.refreshToken()), open(c.accessToken()));
    }

    private String open(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    private AdPlatformConnection find(UUID id) {
        return connections.findById(id).orElseThrow(() -> new NotFoundException("The ad-platform connection"));
    }
}
