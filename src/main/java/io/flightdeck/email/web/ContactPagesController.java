package io.flightdeck.email.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.email.contacts.ConsentSettingsService;
import io.flightdeck.email.contacts.ContactConsent;
import io.flightdeck.email.contacts.ContactDetails;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.EmailAddress;
import io.flightdeck.email.contacts.EmailListView;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contacts in the browser: the list with a live search, a status filter and a form to add one with its consent; each
 * contact's page with their consent's provenance, their details to change, unsubscribe and subscribe again on fresh
 * consent, and (admins) their data exported or erased on request.
 */
@Controller
class ContactPagesController {

    private final Contacts contacts;
    private final EmailLists lists;
    private final ConsentSettingsService consentSettings;

    ContactPagesController(Contacts contacts, EmailLists lists, ConsentSettingsService consentSettings) {
        this.contacts = contacts;
        this.lists = lists;
        this.consentSettings = consentSettings;
    }

    @GetMapping("/email/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ContactStatus status,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        listModel(q, status, page, request, model);
        model.addAttribute("form", ContactForm.empty());
        model.addAttribute("errors", Map.of());
        return Htmx.view(request, "email/contacts", "results");
    }

    @PostMapping("/email/contacts")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String add(ContactForm form, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        checked(errors, () -> EmailAddress.of(form.email()));
        ContactDetails details = checked(errors, form::details);
        ContactConsent consent = checked(errors, form::consent);
        if (errors.isEmpty()) {
            try {
                ContactView made = contacts.add(new Contacts.NewContact(form.email(), details, consent));
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Contact added: " + made.email()));
                return "redirect:/email/contacts/" + made.id();
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e, ContactPagesController::formField);
            } catch (ConflictException e) {
                errors = Map.of("email", e.getMessage() + ": " + form.email());
                model.addAttribute("existingId", e.properties().get("contactId"));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        listModel(null, null, null, request, model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "email/contacts";
    }

    @GetMapping("/email/contacts/{id}")
    String contact(@PathVariable UUID id, Model model) {
        ContactView contact = contacts.get(id);
        return contactPage(contact, ContactForm.of(contact), Map.of(), model);
    }

    @PostMapping("/email/contacts/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String change(@PathVariable UUID id, ContactForm form, @RequestParam(required = false) Long version,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            contacts.change(id, form.details(), version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Contact saved"));
            return "redirect:/email/contacts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactPage(contacts.get(id), form, FormErrors.of(e), model);
        }
    }

    @PostMapping("/email/contacts/{id}/unsubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String unsubscribe(@PathVariable UUID id, RedirectAttributes redirect) {
        contacts.unsubscribe(id, "By " + CurrentActor.require().displayName());
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Unsubscribed: no campaign mail reaches them from now on"));
        return "redirect:/email/contacts/" + id;
    }

    @PostMapping("/email/contacts/{id}/resubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String resubscribe(@PathVariable UUID id, ContactForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            contacts.resubscribe(id, form.consent());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Subscribed again, on the consent you described"));
            return "redirect:/email/contacts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            ContactView contact = contacts.get(id);
            return contactPage(contact, form, FormErrors.of(e, ContactPagesController::formField), model);
        }
    }

    @PostMapping("/email/contacts/{id}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    String erase(@PathVariable UUID id, RedirectAttributes redirect) {
        String email = contacts.get(id).email();
        contacts.erase(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Erased everything kept about " + email));
        return "redirect:/email/contacts";
    }

    /** Every part of the form checked, so a person sees all that is wrong at once. */
    private static <T> T checked(Map<String, String> errors, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidInputException e) {
            FormErrors.of(e, ContactPagesController::formField).forEach(errors::putIfAbsent);
            return null;
        }
    }

    /** The consent's fields as the form names them. */
    private static String formField(String field) {
        return field.replace("consent.", "consent_");
    }

    private void listModel(String q, ContactStatus status, Integer page, HttpServletRequest request, Model model) {
        model.addAttribute("contacts", contacts.search(q, status, Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.by("emailKey", "id"))));
        model.addAttribute("counts", contacts.counts());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ContactStatus.values());
        model.addAttribute("sources", ContactForm.SOURCES);
        model.addAttribute("query", Htmx.queryWithoutPage(request));
        model.addAttribute("filtered", (q != null && !q.isBlank()) || status != null);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canExport", CurrentActor.require().role().includes(Role.MANAGER));
        model.addAttribute("isAdmin", CurrentActor.require().role().includes(Role.ADMIN));
        model.addAttribute("doubleOptIn", consentSettings.current().doubleOptIn());
    }

    private String contactPage(ContactView contact, ContactForm form, Map<String, String> errors, Model model) {
        model.addAttribute("contact", contact);
        List<EmailListView> on = lists.listsOf(contact.id());
        model.addAttribute("lists", on);
        model.addAttribute("otherLists", lists.page(Paging.of(0, Paging.MAX_SIZE, Sort.by("nameKey", "id")))
                .getContent().stream().filter(l -> on.stream().noneMatch(o -> o.id().equals(l.id()))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", ContactForm.SOURCES);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("isAdmin", CurrentActor.require().role().includes(Role.ADMIN));
        return "email/contact";
    }

    @Configuration(proxyBeanMethods = false)
    static class ContactNavigation {
        @Bean
        NavItem emailContactsNavItem() {
            return new NavItem("Contacts", "/email/contacts", "contacts", 60, Role.VIEWER, NavGroup.PUBLISHING);
        }
    }
}
