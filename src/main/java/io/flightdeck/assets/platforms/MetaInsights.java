package io.flightdeck.assets.platforms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's ads by day from Meta's Marketing API: the campaign's {@code account_id} checked against the
 * connection's ad account, the account's {@code currency}, then {@code GET /{campaign-id}/insights} at ad level with a daily time
 * increment, followed through {@code paging.next} until no page is left. Spend is a decimal string in the account's
 * currency; conversions and revenue are the purchase entries of {@code actions} and {@code action_values}. A refusal
 * carries {@code error.code} and {@code error.message}.
 */
@Component
public class MetaInsights {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
    /** Meta's throttling codes: the application's, the ad account's and the business use case's limits. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80000, 80004);
    private static final int EXPIRED_TOKEN = 190;
    /** More pages than this is a paging loop, not a campaign. */
    private static final int MAX_PAGES = 1_000;

    private final MetaAdsProperties properties;
    private final OutboundClient meta;

    MetaInsights(MetaAdsProperties properties) {
        this.properties = properties;
        // the access token travels in the query string, so paths are logged without it
        this.meta = OutboundClient.to("Meta Marketing API").readTimeout(properties.timeout())
                .errorText("/error/message").secretPaths().build();
    }

    /**
     * The campaign's ads by day, once the campaign is known to belong to the connection's ad account (a token may
     * reach several accounts; numbers of another account's campaign must not land under this connection), with the
     * account's currency.
     */
    public PlatformReport report(AdPlatformCredentials credentials, String campaignId, LocalDate from, LocalDate to) {
        if (campaignId == null || !DIGITS.matcher(campaignId).matches()) {
            throw new PlatformCallFailed("A Meta campaign id is digits; the campaign space has \"" + campaignId + "\".");
        }
        String owner = call(node(credentials, campaignId, "account_id")).path("account_id").asString("");
        String account = credentials.accountId();
        if (!("act_" + owner).equals(account)) {
            throw new PlatformCallFailed("The Meta campaign " + campaignId + " belongs to ad account act_" + owner
                    + ", not to the connection's " + account + "; sync it through a connection to its own account.");
        }
        String currency = call(node(credentials, account, "currency")).path("currency").asString(null);
        if (currency == null) {
            throw new PlatformCallFailed("Meta answered no currency for ad account " + account
                    + "; the sync cannot tell which currency its amounts are in.");
        }
        return new PlatformReport(currency, adDays(credentials, campaignId, from, to));
    }

    /** {@code GET /{version}/{id}?fields=...}, the token as a variable so its characters are encoded. */
    private URI node(AdPlatformCredentials credentials, String id, String fields) {
        return UriComponentsBuilder.fromUri(properties.apiUrl()).path("/" + properties.version() + "/" + id)
                .queryParam("fields", fields).queryParam("access_token", "{token}").encode()
                .buildAndExpand(credentials.accessToken()).toUri();
    }

    private List<PlatformAdDay> adDays(AdPlatformCredentials credentials, String campaignId, LocalDate from,
            LocalDate to) {
        URI next = UriComponentsBuilder.fromUri(properties.apiUrl())
                .path("/" + properties.version() + "/" + campaignId + "/insights")
                .queryParam("level", "ad").queryParam("time_increment", "1")
                .queryParam("time_range", "{range}")
                .queryParam("fields", "ad_id,ad_name,impressions,clicks,spend,actions,action_values,date_start,date_stop")
                .queryParam("limit", "500").queryParam("access_token", "{token}")
                // as variables, so the range's braces and the token's characters are encoded rather than read as a template
                .encode().buildAndExpand("{\"since\":\"" + from + "\",\"until\":\"" + to + "\"}",
                        credentials.accessToken()).toUri();
        List<PlatformAdDay> days = new ArrayList<>();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            URI uri = next;
            JsonNode answer = call(uri);
            for (JsonNode row : answer.path("data")) {
                days.add(new PlatformAdDay(row.path("ad_id").asString(), row.path("ad_name").asString(null),
                        LocalDate.parse(row.path("date_start").asString()), number(row.path("impressions")).longValue(),
                        number(row.path("clicks")).longValue(),
                        purchases(row.path("actions")).setScale(0, RoundingMode.HALF_UP).longValue(),
                        number(row.path("spend")).setScale(2, RoundingMode.HALF_UP),
                        purchases(row.path("action_values")).setScale(2, RoundingMode.HALF_UP)));
            }
            String link = answer.path("paging").path("next").asString(null);
            next = link == null ? null : URI.create(link);
        }
        return days;
    }

    private JsonNode call(URI uri) {
        try {
            return meta.call(rest -> rest.get().uri(uri).retrieve().body(JsonNode.class));
        } catch (OutboundException e) {
            JsonNode error = e.body(JsonNode.class).map(b -> b.path("error")).orElse(null);
            int code = error == null ? 0 : error.path("code").asInt(0);
            String said = error == null ? e.serviceText().orElse(e.getMessage()) : error.path("message").asString("");
            if (code == EXPIRED_TOKEN) {
                throw new PlatformCallFailed("Meta refused the connection's access token (expired or revoked);"
                        + " connect the ad account again. Meta said: " + said);
            }
            if (RATE_LIMITS.contains(code)) {
                throw new PlatformCallFailed("Meta is limiting this ad account's requests (code " + code
                        + "); the next sync tries again. Meta said: " + said);
            }
            throw new PlatformCallFailed("Meta refused the request (HTTP " + e.status()
                    + (code == 0 ? "" : ", code " + code) + "): " + said);
        }
    }

    /** The purchase entries of an {@code actions} or {@code action_values} list; the first kind present counts, because
     * omni_purchase already holds the pixel's and the app's purchases and adding them up would count one twice. */
    private static BigDecimal purchases(JsonNode list) {
        for (String type : List.of("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase")) {
            for (JsonNode entry : list) {
                if (type.equals(entry.path("action_type").asString(""))) {
                    return number(entry.path("value"));
                }
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal number(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asString());
    }
}
