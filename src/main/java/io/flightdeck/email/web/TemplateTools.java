package io.flightdeck.email.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.templates.TemplatePreviews;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.PublicUrls;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the template editor shows beside the form: the preview (desktop or mobile, with a contact found by address or
 * sample data), images from the asset library and a creative's copy, each as HTML to paste into the template.
 */
@Component
class TemplateTools {

    private static final Pattern UUID_IN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final TemplatePreviews previews;
    private final Contacts contacts;
    private final AssetDirectory assets;
    private final CreativeMedia creatives;
    private final PublicUrls urls;

    TemplateTools(TemplatePreviews previews, Contacts contacts, AssetDirectory assets, CreativeMedia creatives,
            PublicUrls urls) {
        this.previews = previews;
        this.contacts = contacts;
        this.assets = assets;
        this.creatives = creatives;
        this.urls = urls;
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

    List<TemplateImageChoice> images() {
        return assets.newest(AssetType.IMAGE, 8).stream().filter(a -> a.previewPath() != null).map(a -> {
            String address = urls.of(a.previewPath());
            String alt = a.name().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
            String tag = "<img src=\"" + address + "\" alt=\"" + alt + "\" width=\"600\" style=\"display: block; "
                    + "width: 100%; max-width: 600px; height: auto; border: 0;\">";
            return new TemplateImageChoice(a.name(), a.previewPath(), tag, address.startsWith("https://"));
        }).toList();
    }

    /** The creative named by its id or by its page's address; empty when none is named or it is not there. */
    Optional<TemplateCreativeChoice> creative(String idOrAddress) {
        if (idOrAddress == null || idOrAddress.isBlank() || idOrAddress.length() > 500) {
            return Optional.empty();
        }
        Matcher m = UUID_IN.matcher(idOrAddress);
        if (!m.find()) {
            return Optional.empty();
        }
        return creatives.renderBrief(UUID.fromString(m.group())).map(b -> new TemplateCreativeChoice(b.title(),
                nullToEmpty(b.headline()), nullToEmpty(b.caption()), nullToEmpty(b.cta())));
    }

    void addTo(Model model, EmailContent content, String contact, boolean mobile, String creative) {
        model.addAttribute("preview", preview(content, contact, mobile));
        model.addAttribute("images", images());
        model.addAttribute("creativeQuery", creative == null ? "" : creative);
        model.addAttribute("creative", creative(creative).orElse(null));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
