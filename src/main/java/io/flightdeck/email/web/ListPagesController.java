package io.flightdeck.email.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.contacts.EmailListView;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
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
 * Lists in the browser: all lists with a form to make one; each list's members with a form to put a contact on it by
 * address, taking one off or marking that they left it, renaming and (managers) removing the list. A contact's page
 * puts them on a list too ({@link #addFromContact}).
 */
@Controller
class ListPagesController {

    private final EmailLists lists;
    private final Contacts contacts;

    ListPagesController(EmailLists lists, Contacts contacts) {
        this.lists = lists;
        this.contacts = contacts;
    }

    @GetMapping("/email/lists")
    String all(@RequestParam(required = false) Integer page, Model model) {
        return listsPage(page, "", "", Map.of(), model);
    }

    @PostMapping("/email/lists")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            EmailListView made = lists.create(name, description);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("List made: " + made.name()));
            return "redirect:/email/lists/" + made.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listsPage(null, name, description, FormErrors.of(e), model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listsPage(null, name, description, Map.of("name", e.getMessage()), model);
        }
    }

    @GetMapping("/email/lists/{id}")
    String list(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        EmailListView list = lists.get(id);
        return listPage(list, page, list.name(), list.description() == null ? "" : list.description(), Map.of(), model);
    }

    @PostMapping("/email/lists/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            lists.change(id, name, description);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("List saved"));
            return "redirect:/email/lists/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = e instanceof InvalidInputException invalid ? FormErrors.of(invalid)
                    : Map.of("name", e.getMessage());
            return listPage(lists.get(id), null, name, description, errors, model);
        }
    }

    @PostMapping("/email/lists/{id}/members")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String addByAddress(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String error;
        try {
            ContactView contact = contacts.byAddress(email).orElse(null);
            if (contact != null) {
                lists.add(id, List.of(contact.id()));
                redirect.addFlashAttribute(Flash.KEY, Flash.success(contact.email() + " is on the list"));
                return "redirect:/email/lists/" + id;
            }
            error = "No contact has this address; add them on the Contacts page first";
        } catch (InvalidInputException e) {
            error = e.getMessage();
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        EmailListView list = lists.get(id);
        model.addAttribute("email", email);
        return listPage(list, null, list.name(), list.description() == null ? "" : list.description(),
                Map.of("email", error), model);
    }

    @PostMapping("/email/lists/{id}/members/{contactId}/remove")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String remove(@PathVariable UUID id, @PathVariable UUID contactId,
            @RequestParam(defaultValue = "list") String back, RedirectAttributes redirect) {
        lists.remove(id, contactId);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Taken off the list"));
        return back.equals("contact") ? "redirect:/email/contacts/" + contactId : "redirect:/email/lists/" + id;
    }

    @PostMapping("/email/lists/{id}/members/{contactId}/unsubscribe")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String unsubscribe(@PathVariable UUID id, @PathVariable UUID contactId,
            @RequestParam(defaultValue = "list") String back, RedirectAttributes redirect) {
        lists.unsubscribe(id, contactId);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Unsubscribed from this list only; their other lists "
                + "keep them"));
        return back.equals("contact") ? "redirect:/email/contacts/" + contactId : "redirect:/email/lists/" + id;
    }

    /** From a contact's page: on the chosen list, back to the contact. */
    @PostMapping("/email/contacts/{contactId}/lists")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String addFromContact(@PathVariable UUID contactId, @RequestParam UUID listId, RedirectAttributes redirect) {
        lists.add(listId, List.of(contactId));
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Put on " + lists.get(listId).name()));
        return "redirect:/email/contacts/" + contactId;
    }

    @PostMapping("/email/lists/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = lists.get(id).name();
        lists.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("List removed: " + name + ". Its contacts stay."));
        return "redirect:/email/lists";
    }

    private String listsPage(Integer page, String name, String description, Map<String, String> errors, Model model) {
        model.addAttribute("lists", lists.page(Paging.of(page, Paging.DEFAULT_SIZE, Sort.by("nameKey", "id"))));
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "email/lists";
    }

    private String listPage(EmailListView list, Integer page, String name, String description,
            Map<String, String> errors, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("members", lists.members(list.id(), Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.by("emailKey"))));
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canDelete", CurrentActor.require().role().includes(Role.MANAGER));
        return "email/list";
    }

    @Configuration(proxyBeanMethods = false)
    static class ListNavigation {
        @Bean
        NavItem emailListsNavItem() {
            return new NavItem("Email lists", "/email/lists", "list", 61, Role.VIEWER, NavGroup.PUBLISHING);
        }
    }
}
