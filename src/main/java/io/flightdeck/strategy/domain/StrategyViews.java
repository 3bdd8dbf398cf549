package io.flightdeck.strategy.domain;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** Versions as views, with the names of the people they mention looked up once per version or per page. */
@Component
class StrategyViews {

    private final MemberDirectory members;

    StrategyViews(MemberDirectory members) {
        this.members = members;
    }

    StrategyView of(StrategyVersion version) {
        Map<UUID, String> names = members.displayNames(version.people().toList());
        return version.view(id -> id == null ? null : names.getOrDefault(id, "Former member"));
    }

    Page<StrategyView> of(Page<StrategyVersion> page) {
        Map<UUID, String> names = members.displayNames(page.stream().flatMap(StrategyVersion::people).toList());
        return page.map(v -> v.view(id -> id == null ? null : names.getOrDefault(id, "Former member")));
    }
}
