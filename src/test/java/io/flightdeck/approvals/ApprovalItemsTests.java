package io.flightdeck.approvals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single items other modules submit through {@link ApprovalItems}, decided through the API by approval id. */
@FlightdeckTest
@RecordApplicationEvents
class ApprovalItemsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApprovalItems items;
    @Autowired
    ApplicationEvents events;

    private ApprovalRequests api;
    private Member owner;
    private Member contributor;
    private Member approver;
    private String campaignId;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Items");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        approver = workspaces.addMember(owner, Role.APPROVER);
        campaignId = api.campaign(owner, "Item campaign", "HIGH");
    }

    private UUID submit(String scope, UUID itemId, String title) {
        return workspaces.as(contributor, () -> items.submit(new ItemSubmission(UUID.fromString(campaignId), scope,
                "creative", itemId, title, 42, null)));
    }

    private Optional<ApprovalState> stateOf(UUID itemId) {
        return workspaces.as(contributor, () -> items.stateOf("creative", itemId));
    }

    @Test
    void aSubmittedItemIsApprovedThroughTheApiAndThePublisherHearsOfIt() {
        UUID creative = UUID.randomUUID();
        String id = submit("content", creative, "  Hero post for Instagram  ").toString();

        MvcTestResult view = api.approval(approver, id);
        assertThat(view).hasStatusOk();
        assertThat((String) Json.read(view, "$.state")).isEqualTo("PENDING");
        assertThat((String) Json.read(view, "$.itemType")).isEqualTo("creative");
        assertThat((String) Json.read(view, "$.itemId")).isEqualTo(creative.toString());
        assertThat((String) Json.read(view, "$.title")).isEqualTo("Hero post for Instagram");
        assertThat((String) Json.read(view, "$.scope")).isEqualTo("content");
        assertThat((String) Json.read(view, "$.urgency")).isEqualTo("HIGH");
        assertThat((String) Json.read(view, "$.requestedBy")).isEqualTo(contributor.userId().toString());
        assertThat(api.inbox(approver)).contains(id);
        assertThat(stateOf(creative)).contains(ApprovalState.PENDING);

        MvcTestResult approved = api.approve(approver, id, "Nice shot");

        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat(stateOf(creative)).contains(ApprovalState.APPROVED);
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.approvalId().toString().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.itemType()).isEqualTo("creative");
                    assertThat(e.itemId()).isEqualTo(creative);
                    assertThat(e.campaignId()).isEqualTo(UUID.fromString(campaignId));
                    assertThat(e.state()).isEqualTo(ApprovalState.APPROVED);
                    assertThat(e.actorId()).isEqualTo(approver.userId());
                    assertThat(e.workspaceId()).isEqualTo(owner.workspaceId());
                });
        assertThat(api.historyKinds(approver, id)).containsExactly("REQUESTED", "APPROVED");
    }

    @Test
    void resubmittingAnApprovedItemSendsItBackForReview() {
        UUID creative = UUID.randomUUID();
        String id = submit("content", creative, "Carousel").toString();
        assertThat(api.approve(approver, id)).hasStatusOk();

        UUID again = submit("content", creative, "Carousel, new last slide");

        assertThat(again.toString()).isEqualTo(id);
        MvcTestResult view = api.approval(approver, id);
        assertThat((String) Json.read(view, "$.state")).isEqualTo("NEEDS_REVIEW");
        assertThat((String) Json.read(view, "$.title")).isEqualTo("Carousel, new last slide");
        assertThat((String) Json.read(view, "$.decidedAt")).isNull();
        MvcTestResult history = api.history(approver, id);
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("RESUBMITTED");
        assertThat((String) Json.read(history, "$.items[0].from")).isEqualTo("APPROVED");
        assertThat((String) Json.read(history, "$.items[0].to")).isEqualTo("NEEDS_REVIEW");
        assertThat(stateOf(creative)).contains(ApprovalState.NEEDS_REVIEW);
        assertThat(api.approve(approver, id)).hasStatusOk();
    }

    @Test
    void resubmittingAPendingItemKeepsItPending() {
        UUID creative = UUID.randomUUID();
        String id = submit("content", creative, "Story").toString();
        submit("content", creative, "Story v2");
        assertThat(api.state(approver, id)).isEqualTo("PENDING");
        assertThat(api.historyKinds(approver, id)).containsExactly("REQUESTED", "RESUBMITTED");
    }

    @Test
    void theCampaignListsItsItemsNewestFirstApartFromItsScopes() {
        api.initialized(contributor, campaignId);
        String first = submit("content", UUID.randomUUID(), "First").toString();
        String second = submit("schedule", UUID.randomUUID(), "Second").toString();

        MvcTestResult list = api.get(approver, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approval-items");

        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$.items[*].id")).containsExactly(second, first);
        assertThat((Integer) Json.read(list, "$.total")).isEqualTo(2);
        MvcTestResult paged = api.get(approver, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approval-items?size=1&page=1");
        assertThat((List<String>) Json.read(paged, "$.items[*].id")).containsExactly(first);
        assertThat((Integer) Json.read(paged, "$.totalPages")).isEqualTo(2);
        // scopes are not items, and items do not stand in the publish gate
        MvcTestResult scopes = api.get(approver, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals");
        assertThat((List<String>) Json.read(scopes, "$.scopes[*].id")).doesNotContain(first, second);
    }

    @Test
    void anItemNeedsAnEnabledScopeAndATitle() {
        assertThatThrownBy(() -> submit("no-such-scope", UUID.randomUUID(), "Lost"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scope"));
        assertThatThrownBy(() -> submit("content", UUID.randomUUID(), "  "))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anotherWorkspaceCannotSeeOrDecideTheItem() {
        String id = submit("content", UUID.randomUUID(), "Private").toString();
        Member stranger = workspaces.addMember(workspaces.workspace("Item stranger"), Role.APPROVER);
        assertThat(api.approval(stranger, id)).hasStatus(404);
        assertThat(api.approve(stranger, id)).hasStatus(404);
        assertThat(api.get(stranger, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approval-items")).hasStatus(404);
        assertThat(api.inbox(stranger)).doesNotContain(id);
    }
}
