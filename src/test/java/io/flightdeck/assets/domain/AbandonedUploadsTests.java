package io.flightdeck.assets.domain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiClient.Caller;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry sweep of resumable uploads, run directly: every test context of the suite has a scheduler on the same
 * database, each with its own clock, so which one runs the recurring task is chance; the sweep itself is not. That the
 * task is scheduled is checked on its own.
 */
@FlightdeckTest
class AbandonedUploadsTests {

    private static final String BASE = "/api/v1/uploads";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MutableClock clock;
    @Autowired
    AbandonedUploads abandoned;
    @Autowired
    SchedulerClient scheduler;
    @Value("${flightdeck.assets.upload-dir}")
    Path uploadDir;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Caller tus(Member member) {
        return api.as(member).header("Tus-Resumable", "1.0.0");
    }

    private String created(Member member, long length, String fileName) {
        MvcTestResult created = tus(member).header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)))
                .raw(HttpMethod.POST, BASE, null, null);
        assertThat(created).hasStatus(201);
        return created.getResponse().getHeader("Location");
    }

    private MvcTestResult patch(Member member, String location, byte[] bytes) {
        return tus(member).header("Upload-Offset", "0").raw(HttpMethod.PATCH, location, "application/offset+octet-stream", bytes);
    }

    private MvcTestResult head(Member member, String location) {
        return tus(member).raw(HttpMethod.HEAD, location, null, null);
    }

    private Path partialFile(Member member, String location) {
        return uploadDir.resolve(member.workspaceId().toString()).resolve(location.substring(location.lastIndexOf('/') + 1) + ".part");
    }

    private static byte[] randomBytes(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theSweepRemovesAnAbandonedUploadItsFileAndStrayFilesButNoAsset() throws Exception {
        Member owner = workspaces.workspace("Tus expiry");
        String unfinished = created(owner, 1000, "abandoned.bin");
        assertThat(patch(owner, unfinished, randomBytes(13, 300))).hasStatus(204);
        String finished = created(owner, 200, "finished.bin");
        String assetId = patch(owner, finished, randomBytes(14, 200)).getResponse().getHeader("Flightdeck-Asset-Id");
        Path stray = Files.createDirectories(uploadDir.resolve(owner.workspaceId().toString())).resolve(UUID.randomUUID() + ".part");
        Files.write(stray, new byte[50]);
        Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertThat(partialFile(owner, unfinished)).hasSize(300);

        clock.advance(Duration.ofHours(23));
        abandoned.removeExpired();
        assertThat(head(owner, unfinished)).as("not expired yet").hasStatusOk();
        assertThat(partialFile(owner, unfinished)).exists();
        clock.advance(Duration.ofHours(2));
        assertThat(head(owner, unfinished)).as("expired, not yet removed").hasStatus(410);

        assertThat(abandoned.removeExpired()).isGreaterThanOrEqualTo(3);

        assertThat(partialFile(owner, unfinished)).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(head(owner, unfinished)).hasStatus(404);
        assertThat(head(owner, finished)).hasStatus(404);
        assertThat(api.as(owner).get("/api/v1/campaign-assets/" + assetId)).as("the asset stays").hasStatusOk();
    }

    @Test
    void theSweepIsARecurringTask() {
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(AbandonedUploads.TASK, "recurring"))).isPresent();
    }
}
