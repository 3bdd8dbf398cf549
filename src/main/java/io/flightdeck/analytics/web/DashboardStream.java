package io.flightdeck.analytics.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.live.LiveStreams;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells an open campaign dashboard (its page, the card on the campaign page, or the page of all campaigns when the
 * campaign is null) that its numbers moved, as
 * server-sent events, on whichever node the browser is connected to. The rollups signal their workspace on
 * {@link CampaignDashboards#LIVE_CHANNEL} when they fold changes in; each open dashboard of that workspace then reads its
 * campaign's fold mark and, when it differs from what the page shows, sends a {@code changed} event, and the page
 * reads its numbers again. The mark comes from the table, so a missed signal only delays the page until the next one.
 */
@Component
class DashboardStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** One open dashboard (of every campaign when its campaign is null); once listed, touched only on the sender thread. */
    private static final class Viewer extends LiveStreams.Subscriber {
        final UUID campaignId;
        String shown;

        Viewer(UUID workspaceId, UUID campaignId, String shown, SseEmitter emitter) {
            super(workspaceId, emitter);
            this.campaignId = campaignId;
            this.shown = shown;
        }

        void show(String mark) throws IOException {
            if (!mark.equals(shown)) {
                send(SseEmitter.event().name("changed").data(mark));
                shown = mark;
            }
        }
    }

    private final CampaignDashboards dashboards;
    private final LiveStreams<Viewer> viewers;

    DashboardStream(CampaignDashboards dashboards, LiveSignals live) {
        this.dashboards = dashboards;
        this.viewers = new LiveStreams<>("dashboard-stream", CampaignDashboards.LIVE_CHANNEL, live,
                v -> v.show(TenantScope.call(v.workspaceId(), () -> dashboards.foldMark(v.campaignId))));
    }

    /**
     * Opens a stream for the campaign's dashboard (or, for a null campaign, the workspace's page of all campaigns) as
     * the page showed it ({@code shown}, the mark it was drawn with):
     * numbers folded in between the page and the stream are sent at once, because opening looks straight away.
     */
    SseEmitter open(UUID campaignId, String shown) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        // a mark is a count; anything longer is not one of ours, and only makes the page look once more
        String mark = shown == null || shown.length() > 40 ? "" : shown;
        viewers.open(new Viewer(TenantScope.require(), campaignId, mark, emitter));
        return emitter;
    }

    @PreDestroy
    void stop() {
        viewers.stop();
    }
}
