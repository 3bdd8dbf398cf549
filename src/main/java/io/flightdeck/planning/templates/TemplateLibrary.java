package io.flightdeck.planning.templates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;

/**
 * A workspace's timeline templates. The built-in ones are copied in the first time the templates are read, so a
 * workspace can edit them like its own. Each campaign type has at most one default (exactly one while it has any live
 * template): the one new campaigns of that type are planned from. Managers change them.
 */
public interface TemplateLibrary {

    /** Skill names the built-in templates use; templates may name others. */
    List<String> COMMON_SKILLS = List.of("strategy", "copywriting", "design", "video", "social", "email", "analytics",
            "paid-media", "events", "seo", "project-management");

    /** Live templates, by type and name; {@code type} null for all. */
    List<TemplateView> list(CampaignType type);

    /** Deleted templates that can be restored. */
    List<TemplateView> deleted();

    TemplateView get(UUID id);

    TemplateView create(TemplateChange change);

    /** Checks a change without writing it (a form that could not read every cell): every problem at once. */
    void check(TemplateChange change);

    /** Replaces name, description, type and items; moving a default to another type hands its old type's default on. */
    TemplateView update(UUID id, TemplateChange change, Long expectedVersion);

    void delete(UUID id);

    TemplateView restore(UUID id);

    /** Makes the template the one new campaigns of its type are planned from. */
    TemplateView makeDefault(UUID id);

    /** The template new campaigns of this type are planned from, if the type has one. */
    Optional<TemplateView> defaultFor(CampaignType type);

    /** A template whether live or in the bin (a timeline remembers what it was generated from). */
    Optional<TemplateView> find(UUID id);
}
