package io.flightdeck.assets.platforms;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Meta's Marketing API insights edge, {@code GET /{version}/{campaign-id}/insights}, in the shapes Meta documents
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/insights and
 * https://developers.facebook.com/docs/marketing-api/insights/): {@code data} rows with numbers as strings, spend in
 * the account's currency, {@code actions} and {@code action_values} lists, and {@code paging.next} to the next page;
 * errors as {@code error.code} and {@code error.message} (https://developers.facebook.com/docs/graph-api/guides/error-handling,
 * code 17 the ad account's rate limit, 190 an expired token); the campaign node's {@code account_id}
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group) and the ad account's {@code currency}
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account). Campaign {@value #CAMPAIGN} answers two pages;
 * {@value #RATE_LIMITED_CAMPAIGN} code 17; the token {@value #EXPIRED} code 190.
 */
public class FakeMetaInsights {

    public static final String CAMPAIGN = "23850000000001";
    public static final String RATE_LIMITED_CAMPAIGN = "23850000000017";
    public static final String EXPIRED = "expired-meta-token";

    public volatile String base = "http://localhost";

    /** A campaign of another ad account than the tests' connections (act_1234567890). */
    public static final String OTHER_ACCOUNT_CAMPAIGN = "23850000000099";
    /** The ad account's {@code currency}. */
    public static final String CURRENCY = "EUR";

    public boolean handles(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return path.endsWith("/insights") || path.matches("/v[0-9.]+/(act_)?[0-9]+");
    }

    public MockResponse dispatch(RecordedRequest request) {
        String token = request.getUrl().queryParameter("access_token");
        if (EXPIRED.equals(token)) {
            return FakeGoogleAds.json(400, "{\"error\":{\"message\":\"Error validating access token: Session has "
                    + "expired.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"Afake\"}}");
        }
        String path = request.getUrl().encodedPath();
        if (!path.endsWith("/insights")) {
            // the nodes themselves: GET /{campaign-id}?fields=account_id (the account's id without act_) and
            // GET /act_{id}?fields=currency, each with the node's id
            String node = path.substring(path.lastIndexOf('/') + 1);
            if (node.startsWith("act_")) {
                return FakeGoogleAds.json(200, "{\"currency\":\"" + CURRENCY + "\",\"id\":\"" + node + "\"}");
            }
            String account = node.equals(OTHER_ACCOUNT_CAMPAIGN) ? "9999999999" : "1234567890";
            return FakeGoogleAds.json(200, "{\"account_id\":\"" + account + "\",\"id\":\"" + node + "\"}");
        }
        if (path.contains(RATE_LIMITED_CAMPAIGN)) {
            return FakeGoogleAds.json(400, "{\"error\":{\"message\":\"User request limit reached\",\"type\":"
                    + "\"OAuthException\",\"is_transient\":true,\"code\":17,\"error_subcode\":2446079,"
                    + "\"fbtrace_id\":\"Afake\"}}");
        }
        if (!path.contains(CAMPAIGN) || !"ad".equals(request.getUrl().queryParameter("level"))
                || !"1".equals(request.getUrl().queryParameter("time_increment"))) {
            return FakeGoogleAds.json(200, "{\"data\":[]}");
        }
        if ("page2".equals(request.getUrl().queryParameter("after"))) {
            return FakeGoogleAds.json(200, "{\"data\":[" + row("601", "Carousel beans", "2026-10-02", "300", "9",
                    "4.50", "1", "19.90") + "],\"paging\":{\"cursors\":{\"before\":\"page2\",\"after\":\"end\"}}}");
        }
        String next = base + path + "?access_token=" + token + "&level=ad&time_increment=1&after=page2";
        return FakeGoogleAds.json(200, "{\"data\":[" + row("601", "Carousel beans", "2026-10-01", "1200", "30",
                "15.25", "2", "49.80") + "," + row("602", "Reel roast", "2026-10-01", "700", "7", "3.10", null, null)
                + "],\"paging\":{\"cursors\":{\"before\":\"start\",\"after\":\"page2\"},\"next\":\"" + next + "\"}}");
    }

    private static String row(String adId, String name, String day, String impressions, String clicks, String spend,
            String purchases, String value) {
        String actions = purchases == null ? "" : ",\"actions\":[{\"action_type\":\"link_click\",\"value\":\"" + clicks
                + "\"},{\"action_type\":\"omni_purchase\",\"value\":\"" + purchases + "\"},{\"action_type\":"
                + "\"offsite_conversion.fb_pixel_purchase\",\"value\":\"" + purchases + "\"}],\"action_values\":"
                + "[{\"action_type\":\"omni_purchase\",\"value\":\"" + value + "\"}]";
        return ("{\"ad_id\":\"%s\",\"ad_name\":\"%s\",\"impressions\":\"%s\",\"clicks\":\"%s\",\"spend\":\"%s\"%s,"
                + "\"date_start\":\"%s\",\"date_stop\":\"%s\"}").formatted(adId, name, impressions, clicks, spend,
                actions, day, day);
    }
}
