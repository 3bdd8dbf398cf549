package io.flightdeck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.approvals.ApprovalCommentPosted;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalStageOpened;
import io.flightdeck.campaigns.CampaignArchived;
import io.flightdeck.campaigns.CampaignMarkedReady;
import io.flightdeck.campaigns.CampaignPlanningStarted;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.identity.MemberJoined;
import io.flightdeck.identity.MemberRemoved;
import io.flightdeck.identity.MemberRoleChanged;
import io.flightdeck.identity.WorkspaceCreated;
import io.flightdeck.planning.TaskAssigned;
import io.flightdeck.planning.TaskCompleted;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.TimelineGenerated;
import io.flightdeck.planning.TimelineRecalculated;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events no module listens to yet, which the notifications module will consume: each one's components (names and
 * types, in order) and its JSON as the event publication registry stores it (Modulith's serializer over the app's
 * JSON mapper), written out here, and read back to an equal event. A change to any of them breaks a stored publication
 * or a future listener, so it fails here first; change the test only together with a plan for rows already stored.
 */
@FlightdeckTest
class UnheardEventShapesTests {

    static final UUID WORKSPACE = id(1);
    static final UUID CAMPAIGN = id(2);
    static final UUID MEMBER = id(3);
    static final UUID OTHER = id(4);
    static final UUID FIRST = id(5);
    static final UUID SECOND = id(6);
    static final UUID THIRD = id(7);
    static final Instant AT = Instant.parse("2026-03-31T09:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-04-15");

    @Autowired
    EventSerializer serializer;

    static Stream<Arguments> events() {
        return Stream.of(
                pin(new WorkspaceCreated(WORKSPACE, "Roastery", MEMBER), "UUID workspaceId, String name, UUID ownerId", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001","name":"Roastery",
                         "ownerId":"01900000-0000-7000-8000-000000000003"}"""),
                pin(new MemberJoined(WORKSPACE, MEMBER, Role.CONTRIBUTOR), "UUID workspaceId, UUID userId, Role role", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "userId":"01900000-0000-7000-8000-000000000003","role":"CONTRIBUTOR"}"""),
                pin(new MemberRoleChanged(WORKSPACE, MEMBER, Role.VIEWER, Role.MANAGER, OTHER),
                        "UUID workspaceId, UUID userId, Role from, Role to, UUID changedBy", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "userId":"01900000-0000-7000-8000-000000000003","from":"VIEWER","to":"MANAGER",
                         "changedBy":"01900000-0000-7000-8000-000000000004"}"""),
                pin(new MemberRemoved(WORKSPACE, MEMBER, OTHER), "UUID workspaceId, UUID userId, UUID removedBy", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "userId":"01900000-0000-7000-8000-000000000003",
                         "removedBy":"01900000-0000-7000-8000-000000000004"}"""),
                pin(new CampaignPlanningStarted(WORKSPACE, CAMPAIGN, MEMBER, AT), CAMPAIGN_STEP, campaignStep()),
                pin(new CampaignMarkedReady(WORKSPACE, CAMPAIGN, MEMBER, AT), CAMPAIGN_STEP, campaignStep()),
                pin(new CampaignArchived(WORKSPACE, CAMPAIGN, MEMBER, AT), CAMPAIGN_STEP, campaignStep()),
                pin(new ApprovalStageOpened(WORKSPACE, FIRST, CAMPAIGN, "content", "Legal", AT.plusSeconds(86400), AT),
                        "UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage, Instant dueAt, "
                                + "Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "approvalId":"01900000-0000-7000-8000-000000000005",
                         "campaignId":"01900000-0000-7000-8000-000000000002","scopeKey":"content","stage":"Legal",
                         "dueAt":"2026-04-01T09:00:00Z","at":"2026-03-31T09:00:00Z"}"""),
                pin(new ApprovalEscalated(WORKSPACE, FIRST, CAMPAIGN, "content", "Legal", "Dana Diaz", AT),
                        "UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage, "
                                + "String escalatedTo, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "approvalId":"01900000-0000-7000-8000-000000000005",
                         "campaignId":"01900000-0000-7000-8000-000000000002","scopeKey":"content","stage":"Legal",
                         "escalatedTo":"Dana Diaz","at":"2026-03-31T09:00:00Z"}"""),
                pin(new ApprovalCommentPosted(WORKSPACE, FIRST, CAMPAIGN, SECOND, MEMBER, List.of(OTHER), AT, true),
                        "UUID workspaceId, UUID approvalId, UUID campaignId, UUID commentId, UUID authorId, "
                                + "List<UUID> mentionedUserIds, Instant at, boolean changeRequest", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "approvalId":"01900000-0000-7000-8000-000000000005",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "commentId":"01900000-0000-7000-8000-000000000006",
                         "authorId":"01900000-0000-7000-8000-000000000003",
                         "mentionedUserIds":["01900000-0000-7000-8000-000000000004"],"at":"2026-03-31T09:00:00Z",
                         "changeRequest":true}"""),
                pin(new TimelineGenerated(WORKSPACE, CAMPAIGN, FIRST, SECOND, TimelineDirection.BACKWARD, 12, DAY,
                        DAY.plusDays(30), 2, MEMBER, AT),
                        "UUID workspaceId, UUID campaignId, UUID timelineId, UUID templateId, TimelineDirection direction, "
                                + "int items, LocalDate startDate, LocalDate endDate, int overrunDays, UUID actorId, "
                                + "Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "timelineId":"01900000-0000-7000-8000-000000000005",
                         "templateId":"01900000-0000-7000-8000-000000000006","direction":"BACKWARD","items":12,
                         "startDate":"2026-04-15","endDate":"2026-05-15","overrunDays":2,
                         "actorId":"01900000-0000-7000-8000-000000000003","at":"2026-03-31T09:00:00Z"}"""),
                pin(new TimelineRecalculated(WORKSPACE, CAMPAIGN, FIRST, DAY, DAY.plusDays(30), 0, AT),
                        "UUID workspaceId, UUID campaignId, UUID timelineId, LocalDate startDate, LocalDate endDate, "
                                + "int overrunDays, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "timelineId":"01900000-0000-7000-8000-000000000005","startDate":"2026-04-15",
                         "endDate":"2026-05-15","overrunDays":0,"at":"2026-03-31T09:00:00Z"}"""),
                pin(new TaskAssigned(WORKSPACE, FIRST, CAMPAIGN, OTHER, true, null, AT),
                        "UUID workspaceId, UUID taskId, UUID campaignId, UUID assigneeId, boolean automatic, "
                                + "UUID actorId, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "taskId":"01900000-0000-7000-8000-000000000005",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "assigneeId":"01900000-0000-7000-8000-000000000004","automatic":true,"actorId":null,
                         "at":"2026-03-31T09:00:00Z"}"""),
                pin(new TaskCompleted(WORKSPACE, FIRST, CAMPAIGN, OTHER, DAY, MEMBER, AT),
                        "UUID workspaceId, UUID taskId, UUID campaignId, UUID assigneeId, LocalDate dueDate, "
                                + "UUID actorId, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "taskId":"01900000-0000-7000-8000-000000000005",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "assigneeId":"01900000-0000-7000-8000-000000000004","dueDate":"2026-04-15",
                         "actorId":"01900000-0000-7000-8000-000000000003","at":"2026-03-31T09:00:00Z"}"""),
                pin(new RenderCompleted(WORKSPACE, FIRST, SECOND, CAMPAIGN, RenderType.VIDEO, THIRD, List.of(THIRD),
                        OTHER),
                        "UUID workspaceId, UUID jobId, UUID creativeId, UUID campaignId, RenderType type, "
                                + "UUID primaryAssetId, List<UUID> variantAssetIds, UUID posterAssetId", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "jobId":"01900000-0000-7000-8000-000000000005",
                         "creativeId":"01900000-0000-7000-8000-000000000006",
                         "campaignId":"01900000-0000-7000-8000-000000000002","type":"VIDEO",
                         "primaryAssetId":"01900000-0000-7000-8000-000000000007",
                         "variantAssetIds":["01900000-0000-7000-8000-000000000007"],
                         "posterAssetId":"01900000-0000-7000-8000-000000000004"}"""),
                pin(new RenderFailed(WORKSPACE, FIRST, SECOND, CAMPAIGN, RenderType.IMAGE, "provider-timeout",
                        "The provider did not answer", 3),
                        "UUID workspaceId, UUID jobId, UUID creativeId, UUID campaignId, RenderType type, "
                                + "String errorCode, String errorMessage, int attempts", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "jobId":"01900000-0000-7000-8000-000000000005",
                         "creativeId":"01900000-0000-7000-8000-000000000006",
                         "campaignId":"01900000-0000-7000-8000-000000000002","type":"IMAGE",
                         "errorCode":"provider-timeout","errorMessage":"The provider did not answer","attempts":3}"""),
                pin(new PostPublished(WORKSPACE, FIRST, SECOND, CAMPAIGN, THIRD, Channel.TWITTER, "x", "1790",
                        "https://x.com/roastery/status/1790", AT),
                        "UUID workspaceId, UUID postId, UUID channelPostId, UUID campaignId, UUID creativeId, "
                                + "Channel channel, String network, String externalId, String url, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "postId":"01900000-0000-7000-8000-000000000005",
                         "channelPostId":"01900000-0000-7000-8000-000000000006",
                         "campaignId":"01900000-0000-7000-8000-000000000002",
                         "creativeId":"01900000-0000-7000-8000-000000000007","channel":"TWITTER","network":"x",
                         "externalId":"1790","url":"https://x.com/roastery/status/1790","at":"2026-03-31T09:00:00Z"}"""),
                pin(new PostFailed(WORKSPACE, FIRST, SECOND, CAMPAIGN, Channel.LINKEDIN, "IN_DOUBT", "timeout",
                        "LinkedIn did not answer", AT),
                        "UUID workspaceId, UUID postId, UUID channelPostId, UUID campaignId, Channel channel, "
                                + "String status, String errorCode, String errorMessage, Instant at", """
                        {"workspaceId":"01900000-0000-7000-8000-000000000001",
                         "postId":"01900000-0000-7000-8000-000000000005",
                         "channelPostId":"01900000-0000-7000-8000-000000000006",
                         "campaignId":"01900000-0000-7000-8000-000000000002","channel":"LINKEDIN",
                         "status":"IN_DOUBT","errorCode":"timeout","errorMessage":"LinkedIn did not answer",
                         "at":"2026-03-31T09:00:00Z"}"""));
    }

    /** The three campaign steps nobody hears yet share one shape. */
    static final String CAMPAIGN_STEP = "UUID workspaceId, UUID campaignId, UUID actorId, Instant at";

    static String campaignStep() {
        return """
                {"workspaceId":"01900000-0000-7000-8000-000000000001",
                 "campaignId":"01900000-0000-7000-8000-000000000002",
                 "actorId":"01900000-0000-7000-8000-000000000003","at":"2026-03-31T09:00:00Z"}""";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theShapeAndTheStoredJsonStayAsPinned(String name, Record event, String components, String json) throws Exception {
        assertThat(components(event.getClass())).isEqualTo(components);
        Object stored = serializer.serialize(event);
        JSONAssert.assertEquals(json, stored.toString(), JSONCompareMode.STRICT);
        assertThat(serializer.deserialize(stored, event.getClass())).isEqualTo(event);
    }

    /** The record's header as written in its source, without packages: {@code UUID workspaceId, Role role}. */
    private static String components(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getGenericType().getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "") + " " + c.getName())
                .collect(Collectors.joining(", "));
    }

    private static Arguments pin(Record event, String components, String json) {
        return Arguments.of(event.getClass().getSimpleName(), event, components, json);
    }

    private static UUID id(int n) {
        return UUID.fromString("01900000-0000-7000-8000-%012d".formatted(n));
    }
}
