package io.flightdeck.campaigns.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.domain.CampaignTransition;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.domain.CampaignFilter;
import io.flightdeck.campaigns.domain.CampaignLifecycle;
import io.flightdeck.campaigns.domain.CampaignReadiness;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaign pages: the list with filters, the form, the lifecycle actions and the campaign settings. */
@Controller
class CampaignPagesController {

    private static final java.time.format.DateTimeFormatter IN_WORDS =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH);

    private final Campaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final CampaignReadiness scores;
    private final MemberDirectory members;
    private final CampaignExport export;

    CampaignPagesController(Campaigns campaigns, CampaignLifecycle lifecycle, CampaignReadiness scores,
            MemberDirectory members, CampaignExport export) {
        this.export = export;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.scores = scores;
        this.members = members;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Set<CampaignStatus> status, @RequestParam(required = false) CampaignType type,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) CampaignPriority priority,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "updatedAt,desc") String sort,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        CampaignFilter filter = new CampaignFilter(status, type, ownerId, priority, tag, channel, from, to, q);
        Sort order;
        try {
            order = CampaignSorts.parse(sort);
        } catch (InvalidInputException e) {
            order = CampaignSorts.parse("updatedAt,desc");
        }
        model.addAttribute("campaigns", campaigns.list(filter, Paging.of(page, 20, order)));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("filtered", request.getQueryString() != null && !request.getQueryString().isBlank()
                && !request.getQueryString().matches("(page=\\d+&?)*"));
        model.addAttribute("query", Htmx.queryWithoutPage(request));
        addChoices(model);
        model.addAttribute("bulkMoves", CampaignTransition.values());
        return Htmx.view(request, "campaigns/list", "results");
    }

    /** The list page's download links: the same file, signed in by the session. */
    @GetMapping("/campaigns/export")
    void export(@RequestParam(required = false) String format,
            @RequestParam(required = false) Set<CampaignStatus> status,
            @RequestParam(required = false) CampaignType type, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) CampaignPriority priority, @RequestParam(required = false) String tag,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "updatedAt,desc") String sort, HttpServletResponse response)
            throws IOException {
        export.send(response, format, new CampaignFilter(status, type, ownerId, priority, tag, channel, from, to, q), sort);
    }

    @GetMapping("/campaigns/new")
    @PreAuthorize("hasRole('MANAGER')")
    String newForm(Model model) {
        model.addAttribute("form", CampaignForm.empty(CurrentActor.require().userId()));
        addChoices(model);
        return "campaigns/form";
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasRole('MANAGER')")
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        addChoices(model);
        if (errors.hasErrors()) {
            return "campaigns/form";
        }
        try {
            CampaignView created = campaigns.create(form.toDetails());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaign created"));
            return "redirect:/campaigns/" + created.id();
        } catch (InvalidInputException e) {
            errors.rejectValue(formField(e.field()), "invalid", e.getMessage());
            return "campaigns/form";
        }
    }

    @GetMapping("/campaigns/{id}/edit")
    @PreAuthorize("hasRole('MANAGER')")
    String editForm(@PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", CampaignForm.of(campaign));
        addChoices(model);
        return "campaigns/form";
    }

    @PostMapping("/campaigns/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("campaign", campaigns.get(id));
        addChoices(model);
        if (errors.hasErrors()) {
            return "campaigns/form";
        }
        try {
            campaigns.update(id, form.toDetails(), form.version());
        } catch (InvalidInputException e) {
            errors.rejectValue(formField(e.field()), "invalid", e.getMessage());
            return "campaigns/form";
        } catch (PreconditionFailedException e) {
            errors.reject("stale", "Someone else saved this campaign while you were editing. Open it again to see their "
                    + "change, then apply yours.");
            return "campaigns/form";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaign saved"));
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/transitions/{transition}")
    @PreAuthorize("hasRole('MANAGER')")
    String transition(@PathVariable UUID id, @PathVariable String transition,
            @RequestParam(defaultValue = "false") boolean force, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirm, @RequestParam(required = false) Long version,
            @RequestParam(defaultValue = "false") boolean through, RedirectAttributes redirect) {
        CampaignTransition move = CampaignTransition.byPath(transition).orElseThrow(() -> new NotFoundException("The action"));
        try {
            CampaignView moved = through && move == CampaignTransition.LAUNCH
                    ? lifecycle.launchThrough(id, confirm, force, reason, version)
                    : lifecycle.transition(id, move, force, reason, confirm, version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaign is now " + moved.status().label().toLowerCase()));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e instanceof InvalidInputException invalid
                    ? "Say why: the reason " + invalid.getMessage() : e.getMessage()));
        } catch (PreconditionFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Someone else changed this campaign a moment ago; "
                    + "look at it again before you " + move.path().replace('-', ' ') + "."));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/launch-schedule")
    @PreAuthorize("hasRole('MANAGER')")
    String scheduleLaunch(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            CampaignView scheduled = lifecycle.scheduleLaunch(id, confirm, version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Launch scheduled for "
                    + IN_WORDS.format(scheduled.launchScheduledFor())));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        } catch (PreconditionFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Someone else changed this campaign a moment ago; "
                    + "look at it again before you schedule its launch."));
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/launch-schedule/cancel")
    @PreAuthorize("hasRole('MANAGER')")
    String cancelScheduledLaunch(@PathVariable UUID id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        try {
            lifecycle.cancelScheduledLaunch(id, version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Scheduled launch cancelled"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        } catch (PreconditionFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Someone else changed this campaign a moment ago; "
                    + "look at it again before you cancel its launch."));
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CampaignView campaign = campaigns.get(id);
        campaigns.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("\"" + campaign.name() + "\" moved to the trash"));
        redirect.addFlashAttribute("undoCampaign", id);
        return "redirect:/campaigns";
    }

    @PostMapping("/campaigns/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        campaigns.restore(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaign restored"));
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/settings/campaigns")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        model.addAttribute("threshold", scores.readinessThreshold());
        return "campaigns/settings";
    }

    @PostMapping("/settings/campaigns")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(@RequestParam(required = false) Integer readinessThreshold, Model model, RedirectAttributes redirect) {
        try {
            if (readinessThreshold == null) {
                throw new InvalidInputException("readinessThreshold", "must be a number from 0 to 100");
            }
            scores.changeReadinessThreshold(readinessThreshold);
        } catch (InvalidInputException e) {
            model.addAttribute("threshold", readinessThreshold);
            model.addAttribute("error", "The launch threshold " + e.getMessage());
            return "campaigns/settings";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaign settings saved"));
        return "redirect:/settings/campaigns";
    }

    private void addChoices(Model model) {
        model.addAttribute("types", CampaignType.values());
        model.addAttribute("priorities", CampaignPriority.values());
        model.addAttribute("statuses", CampaignStatus.values());
        model.addAttribute("channelChoices", Channel.values());
        model.addAttribute("people", members.members());
        model.addAttribute("canCreate", CurrentActor.require().role().includes(Role.MANAGER));
    }

    /** Service field names that differ from the form's. */
    private static String formField(String field) {
        return switch (field) {
            case "budget.currency" -> "budgetCurrency";
            default -> field;
        };
    }
}
