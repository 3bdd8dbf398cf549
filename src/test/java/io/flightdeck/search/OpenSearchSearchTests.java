package io.flightdeck.search;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.assets.AssetSearchApiTests;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.OpenSearchContext;
import io.flightdeck.support.OpenSearchNode;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search on the Elasticsearch backend against a real OpenSearch node: the search API's tests, the saved searches' and
 * the asset library's run again in {@link OpenSearchContext} (nested below), and the search outbox that keeps the one
 * index right when several nodes write it: a change records its row with its commit and none when it rolls back; a
 * document lost by a node that died before its index write comes back when the job runs; a document left behind by a
 * deletion the index never heard of is purged.
 */
class OpenSearchSearchTests extends OpenSearchContext {

    private static final String TASK = "io.flightdeck.planning.tasks.Task";
    private static final String COMMENT = "io.flightdeck.planning.tasks.TaskComment";

    @Nested
    class SearchApi extends SearchApiTests {
    }

    @Nested
    class SavedSearchesApi extends SavedSearchesApiTests {
    }

    @Nested
    class AssetSearchApi extends AssetSearchApiTests {
    }

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EntityManager entityManager;
    @Autowired
    ApplicationContext context;

    @Test
    void aChangeRecordsItsRowWithItsCommitAndNoneWhenItRollsBack() throws ClassNotFoundException {
        Member owner = workspaces.workspace("Outbox rows");
        String task = task(owner, campaigns.create(owner, "Banners"), "Order the banners");
        assertThat(rows(TASK, task, owner)).as("the task's row, written with its creation").isPositive();
        String comment = comment(owner, task, "Proofs are in");
        assertThat(rows(COMMENT, comment, owner)).isEqualTo(1);

        Class<?> commentType = Class.forName(COMMENT);
        TenantScope.run(owner.workspaceId(), () -> transactions.executeWithoutResult(tx -> {
            entityManager.remove(entityManager.find(commentType, UUID.fromString(comment)));
            entityManager.flush();
            tx.setRollbackOnly();
        }));
        assertThat(rows(COMMENT, comment, owner)).as("a rolled back deletion records nothing").isEqualTo(1);

        TenantScope.run(owner.workspaceId(), () -> transactions.executeWithoutResult(tx ->
                entityManager.remove(entityManager.find(commentType, UUID.fromString(comment)))));
        assertThat(rows(COMMENT, comment, owner)).as("the committed deletion records its row").isEqualTo(2);
        assertThat(ids(owner, "q=proofs")).isEmpty();
    }

    @Test
    void aDocumentANodeNeverWroteIsIndexedByTheJob() {
        Member owner = workspaces.workspace("Outbox repair");
        String task = task(owner, campaigns.create(owner, "Coast"), "Repaint the lighthouse");
        assertThat(ids(owner, "q=lighthouse")).containsExactly(task);
        runTheOutboxJob();
        assertThat(rows(TASK, task, owner)).isZero();

        // what a node that died between its commit and its index write leaves: the row, and no document
        HttpResponse<String> deleted = OpenSearchNode.shared().send("DELETE",
                "/search-tasks-write/_doc/" + owner.workspaceId() + "_" + task + "?refresh=true", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(ids(owner, "q=lighthouse")).isEmpty();
        record(TASK, task, owner);

        runTheOutboxJob();
        assertThat(ids(owner, "q=lighthouse")).containsExactly(task);
        MvcTestResult health = api.as(owner).get("/actuator/health");
        assertThat(Json.<Integer>read(health, "$.components.search.details.outboxBacklog")).isZero();
        assertThat(context.containsBean("postIndexRepair"))
                .as("the embedded index's start-up pass over the runner's last moves: the outbox covers them here")
                .isFalse();
    }

    @Test
    void aDocumentLeftByADeletionTheIndexMissedIsPurgedByTheJob() {
        Member owner = workspaces.workspace("Outbox purge");
        String task = task(owner, campaigns.create(owner, "Birds"), "Photograph the coast");
        String comment = comment(owner, task, "The kestrel photos are in");
        assertThat(ids(owner, "q=kestrel")).containsExactly(comment);

        // what a node that deleted the comment and died before its index write leaves: the row, and the document
        jdbc.sql("delete from task_comments where id = :id").param("id", UUID.fromString(comment)).update();
        record(COMMENT, comment, owner);
        assertThat(ids(owner, "q=kestrel")).as("the stale document").containsExactly(comment);

        runTheOutboxJob();
        assertThat(ids(owner, "q=kestrel")).isEmpty();
    }

    private String task(Member as, String campaign, String title) {
        MvcTestResult created = api.as(as).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String comment(Member as, String task, String body) {
        MvcTestResult created = api.as(as).post("/api/v1/tasks/" + task + "/comments", Map.of("body", body));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private List<String> ids(Member as, String query) {
        MvcTestResult result = api.as(as).get("/api/v1/search?" + query);
        assertThat(result).hasStatusOk();
        return Json.read(result, "$.items[*].id");
    }

    private int rows(String entityName, String id, Member owner) {
        return jdbc.sql("""
                        select count(*) from search_outbox
                        where entity_name = :name and entity_id = :id and tenant_id = :tenant""")
                .param("name", entityName).param("id", UUID.fromString(id)).param("tenant", owner.workspaceId())
                .query(Integer.class).single();
    }

    private void record(String entityName, String id, Member owner) {
        jdbc.sql("""
                        insert into search_outbox (id, entity_name, entity_id, tenant_id, created_at)
                        values (:row, :name, :id, :tenant, :at)""")
                .param("row", UUID.randomUUID()).param("name", entityName).param("id", UUID.fromString(id))
                .param("tenant", owner.workspaceId()).param("at", Timestamp.from(Instant.now()))
                .update();
    }

    /** The recurring job, due now rather than in an hour (OpenSearchContext); done when no row is left. */
    private void runTheOutboxJob() {
        scheduler.reschedule(TaskInstanceId.of("search-outbox", "recurring"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from search_outbox").query(Integer.class).single() == 0);
    }
}
