package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.domain.SpacePerformance;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.web.Flash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The space's totals entered by hand, from its page (the form under its figures), as the API's
 * {@code update-performance}: they replace the totals and count in the campaign's analytics.
 */
@Controller
class SpacePerformancePagesController {

    private final CampaignSpaces spaces;

    SpacePerformancePagesController(CampaignSpaces spaces) {
        this.spaces = spaces;
    }

    /** The form's fields; {@code version} is the space's as the form was drawn, so a concurrent change is not lost. */
    record PerformanceForm(@NotNull @PositiveOrZero Long impressions, @NotNull @PositiveOrZero Long clicks,
            @NotNull @PositiveOrZero Long conversions,
            @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal spend,
            @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal revenue, Long version) {
    }

    @PostMapping("/spaces/{id}/performance")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String enter(@PathVariable UUID id, @Valid @ModelAttribute PerformanceForm form, BindingResult errors,
            RedirectAttributes redirect) {
        String back = "redirect:/spaces/" + id;
        if (errors.hasErrors()) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The numbers were not saved: " + errors.getFieldErrors()
                    .stream().map(e -> e.getField() + " " + (e.isBindingFailure() ? "must be a number"
                            : e.getDefaultMessage())).collect(Collectors.joining("; ")) + "."));
            return back;
        }
        try {
            spaces.recordPerformance(id, SpacePerformance.of(form.impressions(), form.clicks(), form.conversions(),
                    form.spend(), form.revenue()), form.version());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Numbers saved; the campaign's analytics counts them"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The numbers were not saved: " + e.getMessage()));
        } catch (PreconditionFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Someone else changed this space meanwhile; the numbers"
                    + " were not saved. Look at the figures now, then enter yours again."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return back;
    }
}
