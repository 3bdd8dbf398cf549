package io.flightdeck.search.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.search.domain.SavedSearchFields;
import io.flightdeck.search.domain.SavedSearchView;
import io.flightdeck.search.domain.SavedSearchVisibility;
import io.flightdeck.search.domain.SavedSearches;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved searches in the app: "Save this search" on the results page, and the list of the member's own and the
 * workspace's shared searches, where the owner switches an alert on or off or removes one.
 */
@Controller
class SavedSearchPagesController {

    private final SavedSearches searches;

    SavedSearchPagesController(SavedSearches searches) {
        this.searches = searches;
    }

    @GetMapping("/search/saved")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", searches.list(Paging.of(page, 50, Sort.unsorted())));
        model.addAttribute("canShare", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "search/saved";
    }

    /** The results page's form: the name and choices, with the search itself in hidden fields. */
    @PostMapping("/search/saved")
    String save(@RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean shared,
            @RequestParam(defaultValue = "false") boolean alert, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<UUID> owner, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<String> channel, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, RedirectAttributes redirect) {
        SearchParameters parameters = new SearchParameters(q, type, status, owner, tag, channel, from, to, null, null);
        try {
            SavedSearchView saved = searches.save(new SavedSearchFields(name,
                    shared ? SavedSearchVisibility.WORKSPACE : SavedSearchVisibility.PRIVATE, parameters.saved(), alert));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("“" + saved.name() + "” saved"
                    + (saved.alert() ? ": you will be told when new results appear" : "")));
            return "redirect:/search/saved";
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Not saved: the " + refused.field() + " " + refused.getMessage()));
            return "redirect:" + parameters.saved().link();
        }
    }

    @PostMapping("/search/saved/{id}/alert")
    String alert(@PathVariable UUID id, @RequestParam boolean on, RedirectAttributes redirect) {
        SavedSearchView changed = searches.change(id, new SavedSearchFields(null, null, null, on), null);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(changed.alert()
                ? "You will be told when “" + changed.name() + "” finds something new"
                : "No more alerts for “" + changed.name() + "”"));
        return "redirect:/search/saved";
    }

    @PostMapping("/search/saved/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = searches.get(id).name();
        searches.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("“" + name + "” removed"));
        return "redirect:/search/saved";
    }
}
