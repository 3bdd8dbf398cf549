package io.flightdeck.content.creatives;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders of one creative that finish at once both land on it, one version after the other. Seen on two nodes: two
 * render jobs attached their images in overlapping transactions, both took the creative's next version number, and the
 * later one failed on the unique number; each failed step rendered again and met the next render, until the job gave
 * up as failed.
 */
@FlightdeckTest
class RenderedAttachTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApiClient api;
    @Autowired
    CreativeMedia media;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoRendersFinishingAtOnceAreBothAttachedInTurn() throws Exception {
        Member owner = workspaces.workspace("Renders at once");
        String campaign = campaigns.create(owner, "Spring launch");
        MvcTestResult made = api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Spring is here"}}""".formatted(campaign));
        assertThat(made).hasStatus(201);
        UUID creative = UUID.fromString(Json.read(made, "$.id"));
        UUID first = image(owner, 1);
        UUID second = image(owner, 2);

        CountDownLatch firstAttached = new CountDownLatch(1);
        CompletableFuture<AttachOutcome> racing = CompletableFuture.supplyAsync(() -> {
            await(firstAttached);
            return workspaces.as(owner, () -> attach(creative, second));
        });
        AttachOutcome firstOutcome = workspaces.as(owner, () -> transactions.execute(tx -> {
            AttachOutcome outcome = attach(creative, first);
            firstAttached.countDown();
            // the other render reaches the creative while this one is not yet committed: it waits for its turn
            // (without the lock it took the same version number, and failed once this one committed)
            sleep(300);
            assertThat(racing).as("the other render waits for this one").isNotDone();
            return outcome;
        }));

        assertThat(firstOutcome).isEqualTo(AttachOutcome.ATTACHED);
        assertThat(racing.get(30, TimeUnit.SECONDS)).isEqualTo(AttachOutcome.ATTACHED);
        MvcTestResult versions = api.as(owner).get("/api/v1/content/creatives/" + creative + "/components/image/versions");
        assertThat(versions).hasStatus(200);
        assertThat((List<Integer>) Json.read(versions, "$[*].number")).containsExactlyInAnyOrder(1, 2);
        MvcTestResult after = api.as(owner).get("/api/v1/content/creatives/" + creative);
        assertThat((List<String>) Json.read(after, "$.components[?(@.kind=='IMAGE')].assetId"))
                .containsExactly(second.toString());
    }

    private AttachOutcome attach(UUID creative, UUID asset) {
        return media.attachRendered(creative, ComponentKind.IMAGE, asset, List.of(asset), "builtin-image", "layout-v1");
    }

    private UUID image(Member owner, int seed) {
        MvcTestResult uploaded = api.as(owner).raw(HttpMethod.POST, "/api/v1/campaign-assets/assets?name=render-" + seed
                + ".png", "application/octet-stream", AssetSamples.png(seed, 64, 64));
        assertThat(uploaded).hasStatus(201);
        return UUID.fromString(Json.read(uploaded, "$.asset.id"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
