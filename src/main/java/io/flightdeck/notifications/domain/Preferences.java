package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears of what, where: a member's own setting for a category and channel wins over the workspace's default,
 * which wins over Flightdeck's ({@link NotificationCategory#builtIn}). Every notification keeps which of the three
 * let it through, so it can say why it was sent and “stop these” changes exactly that.
 */
@Service
public class Preferences {

    /** What applies to one member for one channel, and which setting decided it. */
    record Choice(DeliveryMode mode, PreferenceSource source) {

        boolean on() {
            return mode != DeliveryMode.OFF;
        }
    }

    private final PreferenceRepository own;
    private final WorkspaceDefaultRepository defaults;
    private final Clock clock;

    Preferences(PreferenceRepository own, WorkspaceDefaultRepository defaults, Clock clock) {
        this.own = own;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The signed-in member's grid: every category on every channel. */
    @Transactional(readOnly = true)
    public List<PreferenceSetting> mine() {
        Map<Key, DeliveryMode> mine = new HashMap<>();
        own.findByMemberId(CurrentActor.require().userId()).forEach(p -> mine.put(new Key(p.category(), p.channel()), p.mode()));
        Map<Key, DeliveryMode> workspace = workspaceModes();
        List<PreferenceSetting> grid = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                Key key = new Key(category, channel);
                DeliveryMode byWorkspace = workspace.get(key);
                grid.add(new PreferenceSetting(category, channel, mine.get(key),
                        byWorkspace != null ? byWorkspace : category.builtIn(channel),
                        byWorkspace != null ? PreferenceSource.WORKSPACE : PreferenceSource.BUILT_IN));
            }
        }
        return grid;
    }

    /** The workspace's defaults: what members who have not chosen get. */
    @Transactional(readOnly = true)
    public List<PreferenceSetting> workspaceDefaults() {
        Map<Key, DeliveryMode> workspace = workspaceModes();
        List<PreferenceSetting> grid = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                grid.add(new PreferenceSetting(category, channel, workspace.get(new Key(category, channel)),
                        category.builtIn(channel), PreferenceSource.BUILT_IN));
            }
        }
        return grid;
    }

    /** Changes the signed-in member's own settings; a null mode goes back to the default. */
    @Transactional
    public List<PreferenceSetting> changeMine(List<PreferenceChange> changes) {
        UUID me = CurrentActor.require().userId();
        for (PreferenceChange change : changes) {
            setOwn(me, change);
        }
        return mine();
    }

    /** Changes the workspace's defaults (admins: the controller checks); a null mode goes back to Flightdeck's. */
    @Transactional
    public List<PreferenceSetting> changeDefaults(List<PreferenceChange> changes) {
        for (PreferenceChange change : changes) {
            var row = defaults.findByCategoryAndChannel(change.category(), change.channel());
            if (change.mode() == null) {
                row.ifPresent(defaults::delete);
            } else if (row.isPresent()) {
                row.get().change(change.mode(), clock.instant());
            } else {
                defaults.save(new WorkspaceDefault(change.category(), change.channel(), change.mode(), clock.instant()));
            }
        }
        defaults.flush();
        return workspaceDefaults();
    }

    /** The member's own mode for this category and channel before the change (null: they had none). */
    DeliveryMode setOwn(UUID memberId, PreferenceChange change) {
        var row = own.findByMemberIdAndCategoryAndChannel(memberId, change.category(), change.channel());
        DeliveryMode before = row.map(NotificationPreference::mode).orElse(null);
        if (change.mode() == null) {
            row.ifPresent(own::delete);
        } else if (row.isPresent()) {
            row.get().change(change.mode(), clock.instant());
        } else {
            own.save(new NotificationPreference(memberId, change.category(), change.channel(), change.mode(),
                    clock.instant()));
        }
        own.flush();
        return before;
    }

    /** For each member, each channel's choice for this category: two queries, however many members. */
    Map<UUID, Map<NotificationChannel, Choice>> resolve(Collection<UUID> members, NotificationCategory category) {
        Map<NotificationChannel, Choice> fallback = new EnumMap<>(NotificationChannel.class);
        for (NotificationChannel channel : NotificationChannel.values()) {
            fallback.put(channel, new Choice(category.builtIn(channel), PreferenceSource.BUILT_IN));
        }
        defaults.findByCategory(category).forEach(d -> fallback.put(d.channel(), new Choice(d.mode(), PreferenceSource.WORKSPACE)));
        Map<UUID, Map<NotificationChannel, Choice>> choices = new HashMap<>();
        members.forEach(m -> choices.put(m, new EnumMap<>(fallback)));
        own.findByMemberIdInAndCategory(members, category).forEach(p ->
                choices.get(p.memberId()).put(p.channel(), new Choice(p.mode(), PreferenceSource.MEMBER)));
        return choices;
    }

    private Map<Key, DeliveryMode> workspaceModes() {
        Map<Key, DeliveryMode> modes = new HashMap<>();
        defaults.findAll().forEach(d -> modes.put(new Key(d.category(), d.channel()), d.mode()));
        return modes;
    }

    private record Key(NotificationCategory category, NotificationChannel channel) {
    }
}
