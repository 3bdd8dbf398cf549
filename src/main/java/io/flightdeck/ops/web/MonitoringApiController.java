package io.flightdeck.ops.web;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.ops.alerts.AlertRuleInput;
import io.flightdeck.ops.alerts.AlertRuleView;
import io.flightdeck.ops.alerts.AlertRules;
import io.flightdeck.ops.alerts.AlertSeverity;
import io.flightdeck.ops.alerts.AlertStatus;
import io.flightdeck.ops.alerts.AlertView;
import io.flightdeck.ops.alerts.SystemAlerts;
import io.flightdeck.ops.health.MonitoredMetric;
import io.flightdeck.ops.health.SystemHealth;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.HealthState;
import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's monitoring routes, for admins: the components' health, the metrics alert rules watch, a system status
 * summary, the alerts (acknowledge, resolve) and the alert rules.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "Monitoring")
@PreAuthorize("hasRole('ADMIN')")
class MonitoringApiController {

    private final SystemHealth health;
    private final SystemAlerts alerts;
    private final AlertRules rules;
    private final RateLimits rateLimits;

    MonitoringApiController(SystemHealth health, SystemAlerts alerts, AlertRules rules, RateLimits rateLimits) {
        this.health = health;
        this.alerts = alerts;
        this.rules = rules;
        this.rateLimits = rateLimits;
    }

    @Schema(name = "SystemHealth")
    record HealthAnswer(HealthState state, Instant checkedAt, List<ComponentHealth> components) {
    }

    @Schema(name = "MonitoredMetricReading")
    record MetricReading(@Schema(example = "jobs.stalled") String key, String label,
            @Schema(description = "read from the installation's health, the same for every workspace") boolean platform,
            double value) {
    }

    @Schema(name = "SystemStatus")
    record StatusAnswer(HealthState state, Instant checkedAt,
            @Schema(description = "unresolved alerts by severity") Map<AlertSeverity, Long> unresolvedAlerts,
            @Schema(description = "the components not working, worst first") List<ComponentHealth> troubled) {
    }

    @Operation(summary = "Every component's health: the platform's (database, disk, file storage, search index, mail "
            + "transport, job queues, event publications) and the workspace's own (channel accounts, AI and render "
            + "services). The platform is read at most 10 seconds ago; add ?fresh=true to check it now")
    @GetMapping("/health")
    HealthAnswer health(@RequestParam(defaultValue = "false") boolean fresh) {
        SystemHealth.Report report = fresh ? health.checkNow() : health.report();
        return new HealthAnswer(report.state(), report.checkedAt(), report.components());
    }

    @Operation(summary = "The metrics alert rules watch, with their values now")
    @GetMapping("/metrics")
    List<MetricReading> metrics() {
        Map<MonitoredMetric, Double> values = health.report().metrics();
        return Arrays.stream(MonitoredMetric.values()).map(m -> new MetricReading(m.key(), m.label(), m.platform(),
                values.getOrDefault(m, 0.0))).toList();
    }

    @Operation(summary = "System status at a glance: the overall state, unresolved alerts by severity and the "
            + "components not working")
    @GetMapping("/status")
    StatusAnswer status() {
        SystemHealth.Report report = health.report();
        return new StatusAnswer(report.state(), report.checkedAt(), alerts.unresolvedBySeverity(), report.troubled());
    }

    @Operation(summary = "The API's rate limits for this workspace: requests a minute per caller (an API key, a "
            + "member's token) and for the whole workspace in each class of endpoint, with what the workspace has left "
            + "this minute (0 is no limit)")
    @GetMapping("/rate-limits")
    List<RateLimits.Quota> rateLimits() {
        return rateLimits.quotas(TenantScope.require());
    }

    @Operation(summary = "The alerts, newest first; filter with ?status=OPEN&status=ACKNOWLEDGED")
    @GetMapping("/alerts")
    PageResponse<AlertView> alerts(@RequestParam(required = false) List<AlertStatus> status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Set<AlertStatus> statuses = status == null || status.isEmpty() ? EnumSet.noneOf(AlertStatus.class)
                : EnumSet.copyOf(status);
        return PageResponse.of(alerts.page(statuses, Paging.of(page, size, Sort.unsorted())), a -> a);
    }

    @Operation(summary = "One alert")
    @GetMapping("/alerts/{id}")
    AlertView alert(@PathVariable UUID id) {
        return alerts.get(id);
    }

    @Operation(summary = "Acknowledge an open alert: someone is on it (409 unless open)")
    @PostMapping("/alerts/{id}/acknowledge")
    AlertView acknowledge(@PathVariable UUID id) {
        return alerts.acknowledge(id);
    }

    @Operation(summary = "Resolve an alert by hand (409 once resolved). Should its condition still hold, a new alert "
            + "opens only after the rule's wait passes again")
    @PostMapping("/alerts/{id}/resolve")
    AlertView resolve(@PathVariable UUID id) {
        return alerts.resolve(id);
    }

    @Operation(summary = "Every alert rule: Flightdeck's own first (switched off rather than deleted), then the "
            + "workspace's")
    @GetMapping("/alert-rules")
    List<AlertRuleView> rules() {
        return rules.list();
    }

    @Operation(summary = "Add an alert rule")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertRuleView.class)))
    @PostMapping("/alert-rules")
    ResponseEntity<AlertRuleView> create(@RequestBody AlertRuleInput input) {
        AlertRuleView rule = rules.create(input);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/alert-rules/" + rule.id()))
                .eTag(ETags.of(rule.version())).body(rule);
    }

    @Operation(summary = "One alert rule (its ETag is its version)")
    @GetMapping("/alert-rules/{id}")
    ResponseEntity<AlertRuleView> rule(@PathVariable UUID id) {
        AlertRuleView rule = rules.get(id);
        return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(rule);
    }

    @Operation(summary = "Change an alert rule, Flightdeck's own too (412 when If-Match names an older version)")
    @PutMapping("/alert-rules/{id}")
    ResponseEntity<AlertRuleView> change(@PathVariable UUID id, @RequestBody AlertRuleInput input,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        AlertRuleView rule = rules.change(id, input, ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(rule);
    }

    @Operation(summary = "Delete a rule of the workspace's own and its alerts (409 for Flightdeck's own: switch it off)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/alert-rules/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
