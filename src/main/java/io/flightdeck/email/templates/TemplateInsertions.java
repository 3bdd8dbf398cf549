package io.flightdeck.email.templates;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.assets.ImageLibrary;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a creative's copy or a library image into a workspace template, as a block placed by {@link TemplateBlocks},
 * and saves it like any edit: merge fields checked, HTML sanitised, the version compared. The creative and the image
 * are read through their modules' APIs, so another workspace's are not found.
 */
@Service
public class TemplateInsertions {

    public static final int MAX_ALT = 300;

    private final EmailTemplates templates;
    private final CreativeMedia creatives;
    private final ImageLibrary images;
    private final TemplateImageLinks links;

    TemplateInsertions(EmailTemplates templates, CreativeMedia creatives, ImageLibrary images,
            TemplateImageLinks links) {
        this.templates = templates;
        this.creatives = creatives;
        this.images = images;
        this.links = links;
    }

    /** The creative's headline, caption and call to action, put before the template's footer. */
    @Transactional
    public EmailTemplateView insertCreative(String templateId, UUID creativeId, Long expectedVersion) {
        EmailTemplateView template = editable(templateId, expectedVersion);
        return save(template, creativeBlock(creativeId));
    }

    /**
     * The HTML a creative goes into an email as (headline, caption, call to action), for the block editor, which puts
     * it in place of a placeholder block; 404 for another workspace's creative.
     */
    @Transactional(readOnly = true)
    public String creativeBlock(UUID creativeId) {
        CreativeMedia.RenderBrief brief = creatives.renderBrief(creativeId)
                .orElseThrow(() -> new NotFoundException("Creative"));
        if (blank(brief.headline()) && blank(brief.caption()) && blank(brief.cta())) {
            throw new InvalidInputException("creativeId", "This creative has no headline, caption or call to action "
                    + "yet");
        }
        return TemplateBlocks.creative(brief.headline(), brief.caption(), brief.cta());
    }

    /**
     * The image, by a signed address that needs no session (under an http address too: previews and the outbox show
     * it), with its alt text ({@code alt}, or the image's name when blank), put before the template's footer.
     */
    @Transactional
    public EmailTemplateView insertImage(String templateId, UUID assetId, String alt, Long expectedVersion) {
        if (alt != null && alt.strip().length() > MAX_ALT) {
            throw new InvalidInputException("alt", "Keep the alt text to " + MAX_ALT + " characters");
        }
        EmailTemplateView template = editable(templateId, expectedVersion);
        return save(template, imageBlock(assetId, alt));
    }

    /** The HTML a library image goes into an email as (signed address, alt text), for the block editor. */
    @Transactional(readOnly = true)
    public String imageBlock(UUID assetId, String alt) {
        if (alt != null && alt.strip().length() > MAX_ALT) {
            throw new InvalidInputException("alt", "Keep the alt text to " + MAX_ALT + " characters");
        }
        ImageLibrary.Picture picture = images.picture(assetId).orElseThrow(() -> new NotFoundException("Image"));
        String text = blank(alt) ? TemplateBlocks.altFromName(picture.name()) : alt.strip();
        return TemplateBlocks.image(links.url(TenantScope.require(), assetId), text, picture.width());
    }

    /** For the picker, while recipients' mail apps cannot show the images (no https public address): why, in words. */
    public Optional<String> imagesNote() {
        return Optional.ofNullable(links.recipientsNote());
    }

    /** The signed address an image is inserted with. */
    public String imageUrl(UUID assetId) {
        return links.url(TenantScope.require(), assetId);
    }

    private EmailTemplateView editable(String templateId, Long expectedVersion) {
        EmailTemplateView template = templates.get(templateId);
        if (template.builtIn()) {
            throw new ConflictException("builtin-template", "Built-in templates cannot be changed; make a copy and "
                    + "change that");
        }
        if (expectedVersion != null && expectedVersion != template.version()) {
            throw new PreconditionFailedException(template.version());
        }
        return template;
    }

    /** Saved against the version read here, so a save by someone else in between is a 412, never overwritten. */
    private EmailTemplateView save(EmailTemplateView template, String block) {
        String html = TemplateBlocks.insertBeforeFooter(template.html(), block);
        return templates.update(template.id(), new EmailTemplates.TemplateChange(null, null, null, null, html),
                template.version());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
