package io.flightdeck.rendering.web;

import io.flightdeck.rendering.jobs.RenderJobView;

/** How a job's state reads to a person: the same words on the list, the job page, the editor card and live updates. */
final class RenderDisplay {

    private RenderDisplay() {
    }

    static String statusLabel(RenderJobView v) {
        return switch (v.status()) {
            case QUEUED -> !v.submitted() ? "Not submitted"
                    : v.retryCount() > 0 ? "Waiting to retry (" + v.retryCount() + " of " + v.maxRetries() + ")" : "Queued";
            case RUNNING -> "Rendering";
            case PUBLISHED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    static String statusClass(RenderJobView v) {
        return switch (v.status()) {
            case QUEUED -> "badge";
            case RUNNING -> "badge badge-primary";
            case PUBLISHED -> "badge badge-success";
            case FAILED -> "badge badge-danger";
            case CANCELLED -> "badge badge-warning";
        };
    }

    /** "45 % · about 12 s left", "Waiting for the provider", "" once ended. */
    static String progressLabel(RenderJobView v) {
        if (v.status().isTerminal() || v.status() == io.flightdeck.rendering.jobs.RenderStatus.QUEUED) {
            return "";
        }
        Integer percent = v.progress().percent();
        Integer eta = v.progress().estimatedSeconds();
        String p = percent == null ? "Working" : percent + " %";
        return eta == null || eta <= 0 ? p : p + " · about " + eta + " s left";
    }
}
