package io.flightdeck.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.audit.domain.AuditChangeSet;

import io.flightdeck.audit.domain.AuditFilter;
import io.flightdeck.audit.domain.AuditLog;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page: one entry per request in words, for managers and admins; filters by person, kind of record,
 * action and day range. The raw rows (entity types, ids, stored values, request id, client address) and the CSV
 * export are for admins only.
 */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class AuditPagesController {

    private static final int PAGE_SIZE = 25;

    private final AuditLog auditLog;
    private final MemberDirectory members;
    private final AuditReading reading;
    private final AuditExport export;

    AuditPagesController(AuditLog auditLog, MemberDirectory members, AuditReading reading, AuditExport export) {
        this.export = export;
        this.auditLog = auditLog;
        this.members = members;
        this.reading = reading;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) UUID actorId, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID entityId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String raw, HttpServletRequest request, Model model) {
        AuditFilter filter = filter(actorId, entityType, action, from, to, entityId);
        boolean admin = CurrentActor.require().role().includes(Role.ADMIN);
        Page<AuditChangeSet> sets = auditLog.changeSets(filter, Paging.of(page, PAGE_SIZE, Sort.unsorted()));
        List<AuditLogEntry> readable = reading.read(sets);
        model.addAttribute("entries", sets);
        model.addAttribute("readable", readable);
        // Raw values on demand, for admins only: a disclosure per entry, all open with ?raw=1.
        model.addAttribute("rawRows", admin ? sets.getContent().stream()
                .collect(Collectors.toMap(AuditChangeSet::key, AuditChangeSet::rows)) : Map.of());
        model.addAttribute("admin", admin);
        model.addAttribute("rawOpen", admin && ("1".equals(raw) || "true".equals(raw)));
        model.addAttribute("entityTypes", auditLog.entityTypes().stream()
                .map(type -> new KindChoice(type, reading.kindLabel(type)))
                .sorted(java.util.Comparator.comparing(KindChoice::label)).toList());
        model.addAttribute("people", members.members());
        model.addAttribute("actorId", actorId);
        model.addAttribute("entityType", entityType);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("query", Htmx.queryWithoutPage(request));
        return "audit/log";
    }

    /** A kind of record in the filter: stored type and what people call it. Public: the template reads it. */
    public record KindChoice(String type, String label) {
    }

    /** The page's download of the raw rows (the API's export needs a Bearer token; this one uses the session). */
    @GetMapping("/audit/export")
    @PreAuthorize("hasRole('ADMIN')")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID actorId, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID entityId, HttpServletResponse response) throws IOException {
        export.send(response, format, filter(actorId, entityType, action, from, to, entityId));
    }

    /** Days are read in the member's time zone: "to" includes that whole day. */
    private static AuditFilter filter(UUID actorId, String entityType, String action, LocalDate from, LocalDate to,
            UUID entityId) {
        ZoneId zone = CurrentActor.require().timeZone();
        return new AuditFilter(actorId, entityType, entityId, action, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem auditNav() {
            return new NavItem("Audit log", "/audit", "shield", 930, Role.MANAGER, NavGroup.SETTINGS, "Who changed what and when, for every change in the workspace; exportable as CSV.");
        }
    }
}
