package io.flightdeck.email.web;

import io.flightdeck.assets.ImageLibrary;
import io.flightdeck.content.CreativeChoice;
import io.flightdeck.content.CreativeChoices;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.templates.TemplateInsertions;
import io.flightdeck.email.templates.TemplatePreviews;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the template editor shows beside the form: the preview (desktop or mobile, with a contact found by address or
 * sample data), and the pickers: the workspace's creatives and the asset library's images, found by name and paged.
 */
@Component
class TemplateTools {

    /** Few enough that the picker stays short on a phone. */
    static final int PICKER_PAGE = 6;

    private final TemplatePreviews previews;
    private final Contacts contacts;
    private final ImageLibrary images;
    private final CreativeChoices creatives;
    private final TemplateInsertions insertions;

    TemplateTools(TemplatePreviews previews, Contacts contacts, ImageLibrary images, CreativeChoices creatives,
            TemplateInsertions insertions) {
        this.previews = previews;
        this.contacts = contacts;
        this.images = images;
        this.creatives = creatives;
        this.insertions = insertions;
    }

    TemplatePreview preview(EmailContent content, String contact, boolean mobile) {
        String query = contact == null ? "" : contact.strip();
        ContactView found = null;
        String note = "Shown with sample data (Alex Morgan).";
        if (!query.isEmpty()) {
            found = query.length() > 320 ? null
                    : contacts.search(query, null, PageRequest.of(0, 1)).stream().findFirst().orElse(null);
            note = found == null ? "No contact matches " + shorten(query) + "; shown with sample data."
                    : "Shown with the data of " + found.email() + ".";
        }
        try {
            return new TemplatePreview(previews.preview(content, found == null ? null : found.id()), null, note, mobile,
                    query);
        } catch (InvalidInputException e) {
            return new TemplatePreview(null, e.getMessage(), note, mobile, query);
        }
    }

    /** One page of the workspace's images for the picker, each with the signed address it goes into mail by. */
    Page<TemplateImageChoice> images(String query, Integer page) {
        return images.images(limited(query), PageRequest.of(page == null || page < 0 ? 0 : page, PICKER_PAGE))
                .map(a -> new TemplateImageChoice(a.id(), a.name(), a.width(), a.height(), a.previewPath(),
                        insertions.imageUrl(a.id())));
    }

    /** One page of the workspace's creatives for the picker, the most recently changed first. */
    Page<CreativeChoice> creatives(String query, Integer page) {
        return creatives.search(limited(query), PageRequest.of(page == null || page < 0 ? 0 : page, PICKER_PAGE));
    }

    void addTo(Model model, EmailContent content, String contact, boolean mobile, TemplatePickerQuery pickers) {
        model.addAttribute("preview", preview(content, contact, mobile));
        model.addAttribute("pickers", pickers);
        model.addAttribute("creativeChoices", creatives(pickers.creativeQuery(), pickers.creativePage()));
        model.addAttribute("imageChoices", images(pickers.imageQuery(), pickers.imagePage()));
        model.addAttribute("imagesNote", insertions.imagesNote().orElse(null));
    }

    private static String limited(String query) {
        return query == null ? "" : query.length() > 200 ? query.substring(0, 200) : query;
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
