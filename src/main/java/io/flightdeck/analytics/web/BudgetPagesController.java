package io.flightdeck.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.DashboardWords;
import io.flightdeck.analytics.budget.BudgetView;
import io.flightdeck.analytics.budget.CampaignBudgets;
import io.flightdeck.analytics.budget.ChannelBudget;
import io.flightdeck.analytics.budget.EnteredSpend;
import io.flightdeck.analytics.budget.EnteredSpend.SpendEntered;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign's budget page: the plan to date against spend with the pacing bar, the forecasts with their method,
 * each channel's share and efficiency, money in other currencies apart, and for managers a form to enter spend. A
 * refused entry comes back with the typed values and each field's problem.
 */
@Controller
class BudgetPagesController {

    private static final String PAGE = "analytics/budget";

    private final CampaignBudgets budgets;
    private final EnteredSpend spend;

    BudgetPagesController(CampaignBudgets budgets, EnteredSpend spend) {
        this.budgets = budgets;
        this.spend = spend;
    }

    /** The entry form as typed: strings, so a value that does not parse is shown back with its problem. */
    record SpendForm(String channel, String from, String to, String amount, String currency) {
    }

    @GetMapping("/analytics/campaigns/{id}/budget")
    String page(@PathVariable UUID id, Model model) {
        BudgetView view = budgets.of(id);
        describe(view, blankForm(view), Map.of(), model);
        return PAGE;
    }

    @PostMapping("/analytics/campaigns/{id}/budget/spend")
    @PreAuthorize("hasRole('MANAGER')")
    String enter(@PathVariable UUID id, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SpendForm form = new SpendForm(channel, from, to, amount, currency);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        BigDecimal money = amount(amount, errors);
        try {
            if (!errors.isEmpty()) {
                // what did not parse is said already; find the other fields' problems without writing anything
                spend.check(blankToNull(channel), first, last, money, upper(currency));
            } else {
                SpendEntered entered = spend.enter(id, blankToNull(channel), first, last, money, upper(currency));
                DashboardWords words = new DashboardWords("");
                redirect.addFlashAttribute(Flash.KEY, Flash.success(words.money(entered.amount(), entered.currency())
                        + " of " + label(entered.channel()) + " spend entered for " + words.day(entered.from())
                        + (entered.days() == 1 ? "" : " to " + words.day(entered.to()))
                        + ". The figures take it in within seconds."));
                return "redirect:/analytics/campaigns/" + id + "/budget";
            }
        } catch (InvalidInputException e) {
            FormErrors.of(e).forEach(errors::putIfAbsent);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        describe(budgets.of(id), form, errors, model);
        return PAGE;
    }

    private static void describe(BudgetView view, SpendForm form, Map<String, String> errors, Model model) {
        model.addAttribute("budget", view);
        model.addAttribute("words", new DashboardWords("the days before"));
        model.addAttribute("bar", PaceBar.of(view));
        model.addAttribute("spendSoFar", view.channels().stream().anyMatch(c -> c.spent() != null
                && c.spent().signum() != 0) || !view.notCounted().isEmpty());
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channelChoices", Channel.values());
    }

    /** Today for one day, the first channel of the split, the budget's currency. */
    private static SpendForm blankForm(BudgetView view) {
        String channel = view.channels().stream().map(ChannelBudget::channel).filter(BudgetPagesController::isChannel)
                .findFirst().orElse(null);
        String today = view.today().toString();
        return new SpendForm(channel, today, today, null, view.budget() == null ? "EUR" : view.budget().currency());
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Not a date: " + text + " (year-month-day, such as 2026-11-01)");
            return null;
        }
    }

    private static BigDecimal amount(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put("amount", "Not an amount: " + text + " (such as 1250.00)");
            return null;
        }
    }

    private static boolean isChannel(String name) {
        return List.of(Channel.values()).stream().anyMatch(c -> c.name().equals(name));
    }

    private static String label(String channel) {
        return List.of(Channel.values()).stream().filter(c -> c.name().equals(channel)).map(Channel::label)
                .findFirst().orElse(channel);
    }

    /** The form forgives a currency typed in small letters; the API does not guess. */
    private static String upper(String currency) {
        String code = blankToNull(currency);
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The pacing bar's geometry in per cent of its width: the width stands for the budget, or for the spend when
     * that is more; the fill is the spend, one mark the plan to date and another the budget when spend passed it.
     */
    record PaceBar(BigDecimal spent, BigDecimal plannedMark, BigDecimal budgetMark) {

        /** How wide a mark is, in per cent of the bar. */
        static final BigDecimal MARK = new BigDecimal("0.8");

        static PaceBar of(BudgetView view) {
            if (view.budget() == null || view.spentToDate() == null) {
                return null;
            }
            BigDecimal budget = view.budget().amount();
            BigDecimal scale = budget.max(view.spentToDate());
            if (scale.signum() == 0) {
                return null;
            }
            return new PaceBar(at(view.spentToDate(), scale),
                    view.plannedToDate() == null ? null : mark(at(view.plannedToDate(), scale)),
                    scale.compareTo(budget) > 0 ? mark(at(budget, scale)) : null);
        }

        public BigDecimal markWidth() {
            return MARK;
        }

        private static BigDecimal at(BigDecimal amount, BigDecimal scale) {
            return amount.multiply(BigDecimal.valueOf(100)).divide(scale, 2, RoundingMode.HALF_UP);
        }

        /** The mark's left edge: centred on the point, kept inside the bar at either end. */
        private static BigDecimal mark(BigDecimal point) {
            BigDecimal left = point.subtract(MARK.divide(BigDecimal.valueOf(2)));
            return left.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100).subtract(MARK));
        }
    }
}
