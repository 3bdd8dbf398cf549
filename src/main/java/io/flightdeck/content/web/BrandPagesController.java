package io.flightdeck.content.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.content.brands.BrandDetails;
import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The brands pages under {@code /settings/brands}: every member reads them, managers keep them. */
@Controller
class BrandPagesController {

    private final Brands brands;
    private final AssetDirectory assets;

    BrandPagesController(Brands brands, AssetDirectory assets) {
        this.brands = brands;
        this.assets = assets;
    }

    /** The form's fields as typed: lists are one entry per line (commas also separate words, hashtags and colours). */
    record BrandForm(String name, String voice, String wordsToUse, String wordsToAvoid, String hashtags, String colours,
            String headingFont, String bodyFont, List<UUID> logoAssetIds, String legalFooter, Long version) {

        static BrandForm empty() {
            return new BrandForm("", "", "", "", "", "", "", "", List.of(), "", null);
        }

        static BrandForm of(BrandView b) {
            return new BrandForm(b.name(), b.voice(), String.join("\n", b.wordsToUse()), String.join("\n", b.wordsToAvoid()),
                    String.join(" ", b.hashtags()), String.join(" ", b.colours()), b.headingFont(), b.bodyFont(),
                    b.logoAssetIds(), b.legalFooter(), b.version());
        }

        BrandDetails toDetails() {
            return new BrandDetails(name, voice, lines(wordsToUse), lines(wordsToAvoid), words(hashtags), words(colours),
                    headingFont, bodyFont, logoAssetIds == null ? List.of() : logoAssetIds, legalFooter);
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[\\n,]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }

        private static List<String> words(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        }
    }

    @GetMapping("/settings/brands")
    String list(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("brands", brands.list(archived));
        model.addAttribute("archived", archived);
        model.addAttribute("canEdit", CreativePagesController.can(Role.MANAGER));
        return "content/brands";
    }

    @GetMapping("/settings/brands/new")
    @PreAuthorize("hasRole('MANAGER')")
    String newBrand(Model model) {
        return form(model, null, BrandForm.empty(), Map.of());
    }

    @PostMapping("/settings/brands")
    @PreAuthorize("hasRole('MANAGER')")
    String create(BrandForm form, Model model, RedirectAttributes redirect) {
        try {
            BrandView created = brands.create(form.toDetails());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Brand “" + created.name() + "” created"
                    + (created.isDefault() ? "; campaigns without a brand write in it" : "")));
            return "redirect:/settings/brands/" + created.id();
        } catch (InvalidInputException e) {
            return form(model, null, form, FormErrors.of(e));
        } catch (ConflictException e) {
            return form(model, null, form, Map.of("name", e.getMessage()));
        }
    }

    @GetMapping("/settings/brands/{id}")
    String brand(@PathVariable UUID id, Model model) {
        BrandView brand = brands.get(id);
        model.addAttribute("campaignsUsing", brands.campaignsUsing(id));
        return form(model, brand, BrandForm.of(brand), Map.of());
    }

    @PostMapping("/settings/brands/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    String update(@PathVariable UUID id, BrandForm form, Model model, RedirectAttributes redirect) {
        BrandView brand = brands.get(id);
        try {
            BrandView saved = brands.update(id, form.toDetails(), form.version());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Brand “" + saved.name() + "” saved"));
            return "redirect:/settings/brands/" + id;
        } catch (InvalidInputException e) {
            return form(model, brand, form, FormErrors.of(e));
        } catch (ConflictException e) {
            return form(model, brand, form, Map.of("global", e.getMessage()));
        } catch (PreconditionFailedException e) {
            return form(model, brand, form, Map.of("global", "Someone saved this brand meanwhile; reload to see their changes"));
        }
    }

    @PostMapping("/settings/brands/{id}/default")
    @PreAuthorize("hasRole('MANAGER')")
    String makeDefault(@PathVariable UUID id, RedirectAttributes redirect) {
        BrandView brand = brands.makeDefault(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Campaigns without a brand now write in “" + brand.name() + "”"));
        return "redirect:/settings/brands";
    }

    @PostMapping("/settings/brands/{id}/archive")
    @PreAuthorize("hasRole('MANAGER')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        BrandView brand = brands.get(id);
        brands.archive(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Brand “" + brand.name() + "” archived"));
        redirect.addFlashAttribute("undoBrand", id);
        return "redirect:/settings/brands";
    }

    @PostMapping("/settings/brands/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        BrandView brand = brands.restore(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Brand “" + brand.name() + "” restored"));
        return "redirect:/settings/brands/" + id;
    }

    private String form(Model model, BrandView brand, BrandForm form, Map<String, String> errors) {
        model.addAttribute("brand", brand);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("images", assets.newest(AssetType.IMAGE, 48));
        model.addAttribute("canEdit", CreativePagesController.can(Role.MANAGER) && (brand == null || !brand.archived()));
        return "content/brand";
    }
}
