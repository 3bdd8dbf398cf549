package io.flightdeck.publishing.networks.tiktok;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code flightdeck.publishing.tiktok.*}: this installation's app at TikTok (Login Kit v2 and the Content Posting API).
 * Without a client key TikTok is listed but accounts cannot connect.
 *
 * @param clientId     TikTok's client key
 * @param apiUrl       the Open API host (token exchange, user info, posting, status, video query)
 * @param webUrl       TikTok's web host: the consent page and the public addresses of posts
 * @param timeout      how long one call to the Open API may take
 * @param chunkTimeout how long sending one chunk of a video may take
 * @param chunkSize    the chunk size asked for at init; TikTok takes 5 MB to 64 MB, and a smaller video goes whole
 * @param publishWait  how long a publish polls TikTok's status after the upload before it leaves the post in
 *                     "publishing" for the look-up to settle
 * @param pollEvery    the pause between two status checks
 * @param audited      whether TikTok has audited this app; until it has, TikTok takes only private posts
 * @param postsPerDay  the creator's posting cap per day through the API: TikTok does not report usage and does not
 *                     publish the number, so this is the commonly observed value, to be lowered if TikTok refuses
 */
@ConfigurationProperties("flightdeck.publishing.tiktok")
record TikTokProperties(String clientId, String clientSecret,
        @DefaultValue("https://open.tiktokapis.com") URI apiUrl, @DefaultValue("https://www.tiktok.com") URI webUrl,
        @DefaultValue("PT30S") Duration timeout, @DefaultValue("PT2M") Duration chunkTimeout,
        @DefaultValue("10MB") DataSize chunkSize, @DefaultValue("PT2M") Duration publishWait,
        @DefaultValue("PT5S") Duration pollEvery, @DefaultValue("false") boolean audited,
        @DefaultValue("15") int postsPerDay) {

    static final long MIN_CHUNK = 5L * 1024 * 1024;
    static final long MAX_CHUNK = 64L * 1024 * 1024;

    TikTokProperties {
        if (chunkSize.toBytes() < MIN_CHUNK || chunkSize.toBytes() > MAX_CHUNK) {
            throw new IllegalArgumentException("flightdeck.publishing.tiktok.chunk-size must be 5MB to 64MB: TikTok "
                    + "refuses other chunks");
        }
    }

    boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    URI authorizeUrl() {
        return webUrl.resolve("/v2/auth/authorize/");
    }

    @Override
    public String toString() {
        return "TikTokProperties[" + clientId + " at " + apiUrl + ", audited " + audited + "]"; // never the secret
    }
}
