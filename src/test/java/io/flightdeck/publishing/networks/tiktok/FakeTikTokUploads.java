package io.flightdeck.publishing.networks.tiktok;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import io.flightdeck.publishing.networks.tiktok.FakeTikTok.Publish;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok.Trouble;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeTikTok}'s init (Direct Post and Upload pages) and chunk transfer (Media Transfer Guide): the chunk rules
 * checked at init, then each {@code PUT} checked against them in order.
 */
final class FakeTikTokUploads {

    static final long MIN_CHUNK = 5 * FakeTikTok.MB;
    static final long MAX_CHUNK = 64 * FakeTikTok.MB;
    static final long MAX_LAST_CHUNK = 128 * FakeTikTok.MB;

    private FakeTikTokUploads() {
    }

    static MockResponse init(FakeTikTok fake, RecordedRequest request, boolean inbox) {
        JsonNode body = fake.body(request);
        String where = inbox ? "inbox/video/init" : "video/init";
        fake.only(body, inbox ? java.util.Set.of("source_info") : java.util.Set.of("post_info", "source_info"), where);
        JsonNode source = body.path("source_info");
        fake.only(source, java.util.Set.of("source", "video_size", "chunk_size", "total_chunk_count"), where
                + " source_info");
        if (!"FILE_UPLOAD".equals(source.path("source").asString(""))) {
            throw fake.violated(where + ": source_info.source is " + source.path("source"));
        }
        long size = source.path("video_size").asLong(0);
        long chunk = source.path("chunk_size").asLong(0);
        long count = source.path("total_chunk_count").asLong(0);
        String rule = chunkRule(size, chunk, count);
        if (rule != null) {
            throw fake.violated(where + ": " + rule);
        }
        JsonNode info = body.path("post_info");
        if (!inbox) {
            postInfo(fake, info, where);
        }
        if (fake.onInit != null && fake.onInit != Trouble.SLOW) {
            return fake.trouble(fake.onInit, null);
        }
        if (fake.rateLimited("Bearer " + FakeTikTok.TOKEN)) {
            return fake.error(429, "rate_limit_exceeded", "The API rate limit was exceeded. Please try again later.");
        }
        if (!inbox) {
            String privacy = info.path("privacy_level").asString();
            if (!fake.privacyOptions.contains(privacy)) {
                return fake.error(403, "privacy_level_option_mismatch", "privacy_level " + privacy + " is not among "
                        + "the creator's privacy_level_options.");
            }
            if (!fake.clientAudited && !"SELF_ONLY".equals(privacy)) {
                return fake.error(403, "unaudited_client_can_only_post_to_private_accounts", "Please review our "
                        + "integration guidelines.");
            }
            if (info.path("brand_content_toggle").asBoolean(false) && "SELF_ONLY".equals(privacy)) {
                return fake.error(400, "invalid_params", "Branded content cannot be private.");
            }
        }
        Publish p = new Publish(fake.nextPublishId(inbox), inbox, info, size, chunk, (int) count,
                String.valueOf(System.nanoTime()));
        fake.publishes.add(p);
        String host = request.getUrl().scheme() + "://" + request.getUrl().host() + ":" + request.getUrl().port();
        ObjectNode data = fake.json().createObjectNode().put("publish_id", p.id)
                .put("upload_url", host + "/upload/?upload_id=" + p.uploadId + "&upload_token=" + p.uploadToken);
        MockResponse answer = fake.ok(data);
        return fake.onInit == Trouble.SLOW ? fake.slow(answer) : answer;
    }

    /** The Media Transfer Guide's chunk restrictions; null when they hold. */
    static String chunkRule(long size, long chunk, long count) {
        if (size <= 0 || chunk <= 0) {
            return "video_size and chunk_size must be positive";
        }
        if (count != size / chunk) {
            return "total_chunk_count " + count + " is not video_size / chunk_size rounded down (" + size / chunk + ")";
        }
        if (count < 1 || count > 1000) {
            return "total_chunk_count must be 1 to 1000";
        }
        if (size < MIN_CHUNK && (chunk != size || count != 1)) {
            return "a video under 5 MB goes whole, chunk_size = video_size";
        }
        if (size > MAX_CHUNK && count < 2) {
            return "a video over 64 MB goes in several chunks";
        }
        if (size >= MIN_CHUNK && (chunk < MIN_CHUNK || chunk > MAX_CHUNK)) {
            return "chunk_size must be 5 MB to 64 MB";
        }
        long last = size - (count - 1) * chunk;
        if (last > MAX_LAST_CHUNK) {
            return "the last chunk would be " + last + " bytes, over 128 MB";
        }
        return null;
    }

    private static void postInfo(FakeTikTok fake, JsonNode info, String where) {
        if (!info.isObject()) {
            throw fake.violated(where + ": no post_info");
        }
        fake.only(info, FakeTikTok.POST_INFO, where + " post_info");
        if (!FakeTikTok.PRIVACY.contains(info.path("privacy_level").asString(""))) {
            throw fake.violated(where + ": privacy_level " + info.path("privacy_level") + " is not TikTok's");
        }
        if (info.has("title") && (!info.get("title").isString() || info.get("title").asString().length() > 2200)) {
            throw fake.violated(where + ": title must be a string of up to 2200 UTF-16 runes");
        }
        for (String flag : java.util.List.of("disable_duet", "disable_comment", "disable_stitch",
                "brand_content_toggle", "brand_organic_toggle", "is_aigc")) {
            if (info.has(flag) && !info.get(flag).isBoolean()) {
                throw fake.violated(where + ": " + flag + " is not a boolean");
            }
        }
    }

    static MockResponse put(FakeTikTok fake, RecordedRequest request) {
        String uploadId = request.getUrl().queryParameter("upload_id");
        String token = request.getUrl().queryParameter("upload_token");
        Publish p = fake.publishes.stream().filter(x -> x.uploadId.equals(uploadId)).findFirst().orElse(null);
        if (p == null || !p.uploadToken.equals(token)) {
            throw fake.violated("PUT to an upload address TikTok did not give: " + request.getUrl());
        }
        if (p.uploaded()) {
            throw fake.violated("PUT after the last chunk of " + p.id);
        }
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !java.util.Set.of("video/mp4", "video/quicktime",
                "video/webm").contains(type)) {
            throw fake.violated("PUT: Content-Type " + type + " is not the video's");
        }
        ByteString bytes = request.getBody();
        String length = request.getHeaders().get("Content-Length");
        if (length == null || Long.parseLong(length) != bytes.size()) {
            throw fake.violated("PUT: Content-Length " + length + " for " + bytes.size() + " bytes");
        }
        Matcher range = FakeTikTok.range(request.getHeaders().get("Content-Range"));
        if (range == null || !range.matches()) {
            throw fake.violated("PUT: Content-Range " + request.getHeaders().get("Content-Range")
                    + " is not bytes FIRST-LAST/TOTAL");
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long total = Long.parseLong(range.group(3));
        int index = p.chunks;
        long expectedFirst = index * p.chunkSize;
        long expectedLast = index == p.chunkCount - 1 ? p.videoSize - 1 : expectedFirst + p.chunkSize - 1;
        if (total != p.videoSize || first != expectedFirst || last != expectedLast || last - first + 1 != bytes.size()) {
            fake.violations.add("PUT: Content-Range " + first + "-" + last + "/" + total + " where chunk " + index
                    + " is " + expectedFirst + "-" + expectedLast + "/" + p.videoSize + " (" + bytes.size() + " bytes)");
            // chunks go in order: TikTok refuses any other range
            return new MockResponse.Builder().code(416).build();
        }
        boolean troubled = index == fake.troubledChunk && fake.chunkTrouble != null;
        if (troubled && fake.chunkTrouble != Trouble.SLOW) {
            return fake.trouble(fake.chunkTrouble, null); // the chunk is not taken
        }
        p.bytes.write(bytes.toByteArray(), 0, bytes.size());
        p.chunks++;
        fake.chunksAccepted.add(p.id + ":" + first + "-" + last + "/" + total);
        if (!p.uploaded()) {
            MockResponse partial = new MockResponse.Builder().code(206).build();
            return troubled ? fake.slow(partial) : partial;
        }
        fake.uploaded(p);
        CountDownLatch held = fake.hold;
        if (held != null) {
            fake.holding.countDown();
            try {
                held.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MockResponse created = new MockResponse.Builder().code(201).build();
        return troubled ? fake.slow(created) : created;
    }
}
