package io.flightdeck.email.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.email.sending.AbTests;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.sending.EmailCampaignView;
import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.email.sending.EmailReadinessCheck;
import io.flightdeck.email.sending.RecipientList;
import io.flightdeck.email.sending.SendControl;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.FramedHtml;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Email campaigns in the browser: the list, a new email, and each email's page, which walks through audience,
 * content, schedule and review while it is a draft, then shows its send's progress live (it asks for its own state
 * every two seconds while sending), the people it did not reach, and the buttons that pause, resume and send to
 * the rest.
 */
@Controller
class EmailCampaignPagesController {

    private final EmailCampaigns emails;
    private final SendControl sends;
    private final RecipientList recipients;
    private final CampaignDirectory campaigns;
    private final EmailLists lists;
    private final Segments segments;
    private final AbTests abTests;
    private final EmailReadinessCheck readiness;
    private final EmailTemplates templates;

    EmailCampaignPagesController(EmailCampaigns emails, SendControl sends, RecipientList recipients,
            CampaignDirectory campaigns, EmailLists lists, Segments segments, AbTests abTests,
            EmailReadinessCheck readiness, EmailTemplates templates) {
        this.abTests = abTests;
        this.readiness = readiness;
        this.templates = templates;
        this.segments = segments;
        this.emails = emails;
        this.sends = sends;
        this.recipients = recipients;
        this.campaigns = campaigns;
        this.lists = lists;
    }

    @GetMapping("/email/campaigns")
    String all(@RequestParam(required = false) Integer page, Model model) {
        return listPage(page, new NewEmailForm(null, "", ""), Map.of(), model);
    }

    @PostMapping("/email/campaigns")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@RequestParam(required = false) UUID campaignId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String templateId, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        NewEmailForm form = new NewEmailForm(campaignId, name, templateId);
        try {
            EmailCampaignView made = emails.create(campaignId, new EmailCampaigns.Changes(name, null, null, null,
                    templateId.isBlank() ? null : templateId, List.of(), null, false));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Email made: " + made.name() + ". Choose who gets it."));
            return "redirect:/email/campaigns/" + made.id() + "?step=audience";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(null, form, FormErrors.of(e), model);
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(null, form, templateId.isBlank()
                    ? Map.of("campaignId", "That campaign is not in this workspace (it may have been deleted).")
                    : Map.of("templateId", "That template is not in this workspace (it may have been deleted)."), model);
        }
    }

    @GetMapping("/email/campaigns/{id}")
    String email(@PathVariable UUID id, @RequestParam(required = false) String step,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        EmailCampaignView email = emails.get(id);
        return emailPage(email, step, page, Map.of(), model, request);
    }

    /** The email's saved body on its own, for the review step's frame: styled inline, as email is ({@link FramedHtml}). */
    @GetMapping("/email/campaigns/{id}/body.html")
    ResponseEntity<String> body(@PathVariable UUID id) {
        return FramedHtml.of(emails.get(id).html());
    }

    /** One wizard step's form: the fields of that step only; the others keep their values. */
    @PostMapping("/email/campaigns/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String change(@PathVariable UUID id, @RequestParam String step, EmailForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            emails.change(id, form.changes(step), form.version());
            return "redirect:/email/campaigns/" + id + "?step=" + EmailSteps.next(step);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("typed", new Typed(form.name(), form.subject(), form.preheader(), form.html()));
            return emailPage(emails.get(id), step, null, FormErrors.of(e), model, request);
        }
    }

    @PostMapping("/email/campaigns/{id}/{action:send|unschedule|pause|resume|send-to-rest|send-to-unconfirmed|cancel|request-approval}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            EmailCampaignView email = switch (action) {
                case "send" -> sends.sendNow(id);
                case "unschedule" -> sends.unschedule(id);
                case "pause" -> sends.pause(id);
                case "resume" -> sends.resume(id);
                case "send-to-rest" -> sends.sendToRest(id);
                case "send-to-unconfirmed" -> sends.sendToUnconfirmed(id);
                case "request-approval" -> emails.requestApproval(id);
                default -> sends.cancel(id);
            };
            redirect.addFlashAttribute(Flash.KEY, Flash.success(EmailSteps.done(action, email)));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/email/campaigns/" + id;
    }

    @PostMapping("/email/campaigns/{id}/schedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String schedule(@PathVariable UUID id, @RequestParam(required = false) LocalDateTime at,
            @RequestParam(defaultValue = "false") boolean recipientZone, RedirectAttributes redirect) {
        ZoneId zone = CurrentActor.zone();
        try {
            if (at == null) {
                throw new InvalidInputException("at", "Choose a date and time");
            }
            EmailCampaignView scheduled = sends.schedule(id, at.atZone(zone).toInstant(), recipientZone, zone);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Scheduled for "
                    + ScheduleWords.of(scheduled, zone).when() + "."));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/email/campaigns/" + id;
    }

    @PostMapping("/email/campaigns/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            String name = emails.get(id).name();
            emails.delete(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Email deleted: " + name + "."));
            return "redirect:/email/campaigns";
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/email/campaigns/" + id;
        }
    }

    private String listPage(Integer page, NewEmailForm form, Map<String, String> errors, Model model) {
        Page<EmailCampaignView> shown = emails.page(null, Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.by(Sort.Direction.DESC, "createdAt")));
        model.addAttribute("emails", shown);
        List<CampaignSnapshot> open = campaigns.inStatuses(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.PLANNING,
                CampaignStatus.READY, CampaignStatus.ACTIVE, CampaignStatus.PAUSED), 200);
        model.addAttribute("campaigns", open);
        // the new email starts from one of these (built-ins first), or blank
        model.addAttribute("templates", templates.list(PageRequest.of(0, Paging.MAX_SIZE)).getContent());
        model.addAttribute("campaignNames", names(shown.map(EmailCampaignView::campaignId).getContent()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "email/campaigns";
    }

    private String emailPage(EmailCampaignView email, String step, Integer page, Map<String, String> errors,
            Model model, HttpServletRequest request) {
        String current = EmailSteps.current(email, step);
        model.addAttribute("email", email);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Typed(email.name(), email.subject(), email.preheader(), email.html()));
        }
        model.addAttribute("step", current);
        model.addAttribute("steps", EmailSteps.ALL);
        model.addAttribute("campaignName", names(List.of(email.campaignId())).getOrDefault(email.campaignId(), "—"));
        if ("audience".equals(current)) {
            model.addAttribute("lists", lists.page(Paging.of(0, Paging.MAX_SIZE, Sort.by("nameKey", "id"))).getContent());
            model.addAttribute("segments", segments.page(PageRequest.of(0, Paging.MAX_SIZE)).getContent());
        }
        model.addAttribute("builtWithBlocks", "content".equals(current) && emails.design(email.id()).isPresent());
        if ("review".equals(current)) {
            model.addAttribute("readiness", readiness.check(email.id()));
            model.addAttribute("testTo", CurrentActor.require().email());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("abTest", abTests.find(email.id()).orElse(null));
        model.addAttribute("live", email.status().name().equals("SENDING") || email.status().name().equals("SCHEDULED"));
        model.addAttribute("notReached", recipients.page(email.id(), true, Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.unsorted())));
        model.addAttribute("zone", CurrentActor.zone().getId());
        model.addAttribute("when", ScheduleWords.of(email, CurrentActor.zone()));
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canDelete", CurrentActor.require().role().includes(Role.MANAGER));
        return Htmx.view(request, "email/campaign", "progress");
    }

    private Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        campaigns.findAll(ids).forEach((id, c) -> names.put(id, c.name()));
        return names;
    }

    /** The content step's fields: as stored, or as typed when they were refused. */
    public record Typed(String name, String subject, String preheader, String html) {
    }

    /** The new-email form as typed, for showing it again with its problems. */
    public record NewEmailForm(UUID campaignId, String name, String templateId) {
    }

    @Configuration(proxyBeanMethods = false)
    static class EmailCampaignNavigation {
        @Bean
        NavItem emailCampaignsNavItem() {
            return new NavItem("Email campaigns", "/email/campaigns", "mail", 59, Role.VIEWER, NavGroup.PUBLISHING);
        }
    }
}
