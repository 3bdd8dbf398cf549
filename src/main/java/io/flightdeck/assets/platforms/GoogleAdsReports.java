package io.flightdeck.assets.platforms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's ads by day from the Google Ads API: an access token from Google's token endpoint for the connection's
 * refresh token, the customer's currency, then one {@code googleAds:searchStream} call whose answer is a JSON array of batches, each with its
 * {@code results}. 64-bit numbers arrive as strings and cost in micros of the account's currency. A refusal carries
 * {@code error.details[].errors[]}, whose first message is kept.
 */
@Component
public class GoogleAdsReports {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final GoogleAdsProperties properties;
    private final OutboundClient google;

    GoogleAdsReports(GoogleAdsProperties properties) {
        this.properties = properties;
        this.google = OutboundClient.to("Google Ads").readTimeout(properties.timeout())
                .errorText("/0/error/details/0/errors/0/message", "/error/details/0/errors/0/message",
                        "/error/message", "/error_description", "/error")
                .build();
    }

    /**
     * The account's currency ({@code customer.currency_code}) and every ad of the campaign with a day in the range
     * (both ends included), with one access token.
     */
    public PlatformReport report(AdPlatformCredentials credentials, String campaignId, LocalDate from, LocalDate to) {
        if (campaignId == null || !DIGITS.matcher(campaignId).matches()) {
            throw new PlatformCallFailed("A Google Ads campaign id is digits; the campaign space has \"" + campaignId
                    + "\".");
        }
        String token = accessToken(credentials);
        String currency = null;
        for (JsonNode batch : search(credentials, token, "SELECT customer.currency_code FROM customer")) {
            for (JsonNode row : batch.path("results")) {
                currency = row.path("customer").path("currencyCode").asString(null);
            }
        }
        if (currency == null) {
            throw new PlatformCallFailed("Google Ads answered no currency for customer " + credentials.accountId()
                    + "; the sync cannot tell which currency its amounts are in.");
        }
        String query = "SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, segments.date, metrics.impressions,"
                + " metrics.clicks, metrics.conversions, metrics.cost_micros, metrics.conversions_value"
                + " FROM ad_group_ad WHERE campaign.id = " + campaignId
                + " AND segments.date BETWEEN '" + from + "' AND '" + to + "'";
        JsonNode batches = search(credentials, token, query);
        List<PlatformAdDay> days = new ArrayList<>();
        for (JsonNode batch : batches) {
            for (JsonNode row : batch.path("results")) {
                JsonNode ad = row.path("adGroupAd").path("ad");
                JsonNode m = row.path("metrics");
                days.add(new PlatformAdDay(ad.path("id").asString(), ad.path("name").asString(null),
                        LocalDate.parse(row.path("segments").path("date").asString()),
                        number(m.path("impressions")).longValue(), number(m.path("clicks")).longValue(),
                        number(m.path("conversions")).setScale(0, RoundingMode.HALF_UP).longValue(),
                        number(m.path("costMicros")).divide(MICROS, 2, RoundingMode.HALF_UP),
                        number(m.path("conversionsValue")).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return new PlatformReport(currency, days);
    }

    /** One {@code googleAds:searchStream} call: its batches. */
    private JsonNode search(AdPlatformCredentials credentials, String token, String query) {
        URI uri = properties.apiUrl().resolve("/" + properties.version() + "/customers/" + credentials.accountId()
                + "/googleAds:searchStream");
        return call(false, () -> google.call(rest -> rest.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            h.set("developer-token", credentials.developerToken());
            if (credentials.loginCustomerId() != null) {
                h.set("login-customer-id", credentials.loginCustomerId());
            }
        }).contentType(MediaType.APPLICATION_JSON).body(Map.of("query", query)).retrieve().body(JsonNode.class)));
    }

    private String accessToken(AdPlatformCredentials credentials) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", credentials.oauthClientId());
        form.add("client_secret", credentials.oauthClientSecret());
        form.add("refresh_token", credentials.refreshToken());
        JsonNode answer = call(true, () -> google.call(rest -> rest.post().uri(properties.tokenUrl())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class)));
        String token = answer.path("access_token").asString(null);
        if (token == null) {
            throw new PlatformCallFailed("Google's token endpoint answered no access token; connect Google Ads again.");
        }
        return token;
    }

    /** {@code tokenCall}: a 400 or 401 from the token endpoint is a refresh token Google no longer takes. */
    private static JsonNode call(boolean tokenCall, java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (OutboundException e) {
            String said = e.serviceText().orElse(e.getMessage());
            if (tokenCall && (e.status() == 400 || e.status() == 401)) {
                throw new PlatformCallFailed("Google refused the connection's refresh token (expired or revoked);"
                        + " connect Google Ads again. Google said: " + said);
            }
            if (e.status() == 429) {
                throw new PlatformCallFailed("Google Ads is limiting this account's requests; the next sync tries"
                        + " again. Google said: " + said);
            }
            throw new PlatformCallFailed("Google Ads refused the report (HTTP " + e.status() + "): " + said);
        }
    }

    private static BigDecimal number(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asString());
    }
}
