package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetImportEnded;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How an import's end is told to whoever uploaded it: all rows, some skipped, or failed with the reason; nobody else
 * hears of it, and a resubmitted event tells nobody twice. (The import raising the event: {@code AssetImportsApiTests}.)
 */
@FlightdeckTest
class ImportNotificationsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theUploaderHearsHowEachImportEndedOnce() {
        Member owner = workspaces.workspace("Import news");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        UUID failed = UUID.randomUUID();
        AssetImportEnded failure = new AssetImportEnded(owner.workspaceId(), failed, UUID.randomUUID(), "ads.csv",
                "FAILED", 0, 0, "The file is not CSV from row 3", ann.userId(), Instant.now());
        publish(failure);
        publish(failure); // resubmitted by the publication registry
        publish(new AssetImportEnded(owner.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), "ads.csv", "PARTLY",
                1200, 3, null, ann.userId(), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> titles(ann).size() == 2);
        assertThat(titles(ann)).containsExactlyInAnyOrder("Import of ads.csv failed",
                "Import of ads.csv finished with 3 rows skipped");
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications?category=IMPORTS");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'IMPORT_FAILED')].body"))
                .containsExactly("The file is not CSV from row 3");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'IMPORT_FINISHED')].body"))
                .containsExactly("1,200 rows imported, 3 rows rejected.");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'IMPORT_FAILED')].link"))
                .containsExactly("/imports/" + failed);
        assertThat(titles(owner)).isEmpty();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private List<String> titles(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications"), "$.items[*].title");
    }
}
