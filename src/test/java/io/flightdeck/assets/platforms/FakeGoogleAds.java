package io.flightdeck.assets.platforms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Google's token endpoint and the Google Ads API's {@code googleAds:searchStream} in the shapes Google documents:
 * the token answer of https://developers.google.com/identity/protocols/oauth2/web-server (refreshing an access
 * token; {@code invalid_grant} for a revoked one), the stream as a JSON array of batches with {@code results},
 * {@code fieldMask} and {@code requestId} (https://developers.google.com/google-ads/api/rest/common/search), int64
 * metrics as strings and cost in micros (https://developers.google.com/google-ads/api/fields/latest/metrics), and
 * refusals as {@code error.details[].errors[]} (https://developers.google.com/google-ads/api/docs/best-practices/error-types).
 * {@code SELECT customer.currency_code FROM customer} answers {@value #CURRENCY}
 * (https://developers.google.com/google-ads/api/fields/latest/customer). Campaign {@value #CAMPAIGN} has two ads over two days in two batches; {@value #RATE_LIMITED_CAMPAIGN} is refused with
 * a quota error; the refresh token {@value #REVOKED} is refused.
 */
public class FakeGoogleAds {

    public static final String CAMPAIGN = "9001";
    public static final String RATE_LIMITED_CAMPAIGN = "9429";
    public static final String REVOKED = "revoked-refresh-token";
    /** The customer's {@code customer.currency_code}. */
    public static final String CURRENCY = "EUR";
    static final String ACCESS_TOKEN = "ya29.fake-access";

    /** The searchStream requests received, for their headers and query. */
    public final List<RecordedRequest> searches = new CopyOnWriteArrayList<>();

    public boolean handles(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return path.equals("/google/token") || path.endsWith("/googleAds:searchStream");
    }

    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (request.getUrl().encodedPath().equals("/google/token")) {
            if (body.contains("refresh_token=" + REVOKED) || !body.contains("grant_type=refresh_token")) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            }
            return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,"
                    + "\"scope\":\"https://www.googleapis.com/auth/adwords\",\"token_type\":\"Bearer\"}");
        }
        searches.add(request);
        if (!("Bearer " + ACCESS_TOKEN).equals(request.getHeaders().get("Authorization"))
                || request.getHeaders().get("developer-token") == null) {
            return json(401, error(401, "UNAUTHENTICATED", "authenticationError", "NOT_AUTHENTICATED",
                    "Authentication of the request failed."));
        }
        if (body.contains("FROM customer")) {
            return json(200, "[{\"results\":[{\"customer\":{\"resourceName\":\"customers/1234567890\","
                    + "\"currencyCode\":\"" + CURRENCY + "\"}}],\"fieldMask\":\"customer.currencyCode\","
                    + "\"requestId\":\"fake-request\"}]");
        }
        if (body.contains("campaign.id = " + RATE_LIMITED_CAMPAIGN)) {
            return json(429, "[" + error(429, "RESOURCE_EXHAUSTED", "quotaError", "RESOURCE_EXHAUSTED",
                    "Too many requests. Retry in 30 seconds.") + "]");
        }
        if (!body.contains("campaign.id = " + CAMPAIGN)) {
            return json(200, "[]");
        }
        return json(200, "[" + batch(row("501", "Autumn espresso", "2026-10-01", "1000", "40", 2.0, "12500000", 60.0)
                + "," + row("502", "Decaf evenings", "2026-10-01", "500", "10", 0.0, "2500000", 0.0)) + ","
                + batch(row("501", "Autumn espresso", "2026-10-02", "800", "20", 1.4, "7500000", 30.0)) + "]");
    }

    private static String batch(String results) {
        return "{\"results\":[" + results + "],\"fieldMask\":\"adGroupAd.ad.id,adGroupAd.ad.name,segments.date,"
                + "metrics.impressions,metrics.clicks,metrics.conversions,metrics.costMicros,metrics.conversionsValue\","
                + "\"requestId\":\"fake-request\"}";
    }

    private static String row(String adId, String name, String day, String impressions, String clicks,
            double conversions, String costMicros, double value) {
        return ("{\"adGroupAd\":{\"resourceName\":\"customers/1234567890/adGroupAds/77~%s\",\"ad\":{\"resourceName\":"
                + "\"customers/1234567890/ads/%s\",\"id\":\"%s\",\"name\":\"%s\"}},\"metrics\":{\"clicks\":\"%s\","
                + "\"conversions\":%s,\"conversionsValue\":%s,\"costMicros\":\"%s\",\"impressions\":\"%s\"},"
                + "\"segments\":{\"date\":\"%s\"}}").formatted(adId, adId, adId, name, clicks, conversions, value,
                costMicros, impressions, day);
    }

    private static String error(int code, String status, String kind, String reason, String message) {
        return ("{\"error\":{\"code\":%d,\"message\":\"Request had errors.\",\"status\":\"%s\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure\",\"errors\":[{\"errorCode\":"
                + "{\"%s\":\"%s\"},\"message\":\"%s\"}],\"requestId\":\"fake-request\"}]}}")
                .formatted(code, status, kind, reason, message);
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
