package io.flightdeck.campaigns.templates;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The parts other modules contribute, in {@link TemplatePart}'s order (strategy before tasks, tasks before what is
 * planned against them). The brief is campaigns' own and has no section.
 */
@Component
class TemplateSections {

    private final Map<TemplatePart, CampaignTemplateSection> sections = new EnumMap<>(TemplatePart.class);

    TemplateSections(List<CampaignTemplateSection> contributed) {
        contributed.forEach(s -> sections.put(s.part(), s));
    }

    /** Every part a template can carry here: the brief and each contributed one. */
    List<TemplatePart> offered() {
        return java.util.Arrays.stream(TemplatePart.values())
                .filter(p -> p == TemplatePart.BRIEF || sections.containsKey(p)).toList();
    }

    /** The parts asked for, all offered ones when none are named; a part nobody offers is refused. */
    Set<TemplatePart> chosen(Set<TemplatePart> asked) {
        if (asked == null) {
            return java.util.EnumSet.copyOf(offered());
        }
        for (TemplatePart part : asked) {
            if (part == null) {
                throw new InvalidInputException("parts", "a part may not be null; choose from " + offered());
            }
            if (part != TemplatePart.BRIEF && !sections.containsKey(part)) {
                throw new InvalidInputException("parts", part + " cannot be carried here; choose from " + offered());
            }
        }
        return asked.isEmpty() ? java.util.EnumSet.noneOf(TemplatePart.class) : java.util.EnumSet.copyOf(asked);
    }

    /** What the campaign has of each chosen part that has a section, in order; parts it has nothing of are left out. */
    Map<TemplatePart, CampaignTemplateSection.Captured> capture(CampaignSnapshot campaign, Set<TemplatePart> parts) {
        Map<TemplatePart, CampaignTemplateSection.Captured> captured = new LinkedHashMap<>();
        sections.forEach((part, section) -> {
            if (parts.contains(part)) {
                section.capture(campaign).ifPresent(c -> captured.put(part, c));
            }
        });
        return captured;
    }

    /** Gives the new campaign each part, in order; answers what could not come along, in the parts' words. */
    List<String> apply(CampaignSnapshot campaign, Map<TemplatePart, JsonNode> parts, TemplateCopy copy) {
        List<String> notes = new java.util.ArrayList<>();
        sections.forEach((part, section) -> {
            JsonNode content = parts.get(part);
            if (content != null) {
                notes.addAll(section.apply(campaign, content, copy));
            }
        });
        return notes;
    }
}
