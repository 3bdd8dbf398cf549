package io.flightdeck.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.flightdeck.audit.domain.AuditFilter;
import io.flightdeck.audit.domain.AuditLog;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for admins: filters by person, kind of record, action and day range; CSV export. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPagesController {

    private final AuditLog auditLog;
    private final MemberDirectory members;

    AuditPagesController(AuditLog auditLog, MemberDirectory members) {
        this.auditLog = auditLog;
        this.members = members;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) UUID actorId, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID entityId, @RequestParam(required = false) Integer page,
            HttpServletRequest request, Model model) {
        AuditFilter filter = filter(actorId, entityType, action, from, to, entityId);
        model.addAttribute("entries", auditLog.page(filter, Paging.of(page, 50, Sort.unsorted())));
        model.addAttribute("entityTypes", auditLog.entityTypes());
        model.addAttribute("people", members.members());
        model.addAttribute("actorId", actorId);
        model.addAttribute("entityType", entityType);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("query", Htmx.queryWithoutPage(request));
        return "audit/log";
    }

    /** The page's CSV download (the API's export needs a Bearer token; this one uses the browser session). */
    @GetMapping("/audit/export")
    void export(@RequestParam(required = false) UUID actorId, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID entityId, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        auditLog.exportCsv(filter(actorId, entityType, action, from, to, entityId), response.getOutputStream());
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
            return new NavItem("Audit log", "/audit", "shield", 930, Role.ADMIN);
        }
    }
}
