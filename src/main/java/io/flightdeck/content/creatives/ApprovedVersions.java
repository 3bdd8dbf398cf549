package io.flightdeck.content.creatives;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.flightdeck.content.ComponentKind;

/**
 * The version of each part of a creative at its last approval, stored on the creative as one text such as
 * {@code CAPTION=3,HASHTAGS=1}: what changed since is marked in the editor and shown to the approver.
 *
 * @param versions the approved version of each part that had one
 */
record ApprovedVersions(Map<ComponentKind, Integer> versions) {

    /** The parts' current versions, as the text the creative stores. */
    static String snapshot(Collection<CreativeComponent> components) {
        return components.stream().filter(c -> c.getCurrentVersion() != null)
                .sorted(Comparator.comparing(CreativeComponent::getKind))
                .map(c -> c.getKind() + "=" + c.getCurrentVersion()).collect(Collectors.joining(","));
    }

    /** Reads the stored text. */
    static ApprovedVersions parse(String snapshot) {
        Map<ComponentKind, Integer> map = new EnumMap<>(ComponentKind.class);
        if (snapshot != null && !snapshot.isBlank()) {
            for (String pair : snapshot.split(",")) {
                String[] kv = pair.split("=");
                map.put(ComponentKind.valueOf(kv[0]), Integer.valueOf(kv[1]));
            }
        }
        return new ApprovedVersions(map);
    }

    /** Whether the part shows another version than the one approved (or was empty when approved). */
    boolean changed(CreativeComponent component) {
        return !Objects.equals(versions.get(component.getKind()), component.getCurrentVersion());
    }

    /** Each part that changed since the approval, with the approved text (or asset) beside the current one. */
    List<CreativeReview.Change> changes(Collection<CreativeComponent> components) {
        List<CreativeReview.Change> changes = new ArrayList<>();
        for (CreativeComponent c : components) {
            if (changed(c)) {
                Integer was = versions.get(c.getKind());
                String before = was == null ? null : c.history().stream().filter(v -> v.getNumber() == was)
                        .map(v -> v.getText() != null ? v.getText() : String.valueOf(v.getAssetId())).findFirst()
                        .orElse(null);
                changes.add(new CreativeReview.Change(c.getKind(), was, before, c.getCurrentVersion(),
                        c.getText() != null ? c.getText() : c.getAssetId() == null ? null : c.getAssetId().toString()));
            }
        }
        return changes;
    }
}
