package io.flightdeck.ops.bulk;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkTarget;
import org.springframework.stereotype.Component;

/** Every module's {@link BulkTarget}, found by type, and their actions by key. */
@Component
class BulkTargets {

    private final List<BulkTarget> targets;

    BulkTargets(List<BulkTarget> targets) {
        this.targets = targets.stream().sorted(Comparator.comparing(BulkTarget::type)).toList();
    }

    List<BulkTarget> all() {
        return targets;
    }

    BulkTarget target(String type) {
        return targets.stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new InvalidInputException("type", "must be one of "
                        + targets.stream().map(BulkTarget::type).toList()));
    }

    BulkAction action(BulkTarget target, String key) {
        return target.actions().stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("action", target.label() + " support "
                        + target.actions().stream().map(BulkAction::key).toList()));
    }

    /** The action's label, or its key for an operation whose action has since gone. */
    String label(String type, String key) {
        return targets.stream().filter(t -> t.type().equals(type)).flatMap(t -> t.actions().stream())
                .filter(a -> a.key().equals(key)).map(BulkAction::label).findFirst().orElse(key);
    }

    static List<UUID> distinct(List<UUID> ids) {
        return ids.stream().distinct().toList();
    }
}
