package io.flightdeck.content.creatives;

import java.util.Locale;

import io.flightdeck.content.CreativeChoice;
import io.flightdeck.content.CreativeChoices;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CreativeChoices}: the titles of live creatives, read without loading a creative or its parts. */
@Service
class CreativeChoiceSearch implements CreativeChoices {

    private final CreativeRepository creatives;

    CreativeChoiceSearch(CreativeRepository creatives) {
        this.creatives = creatives;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<CreativeChoice> search(String titleContains, Pageable page) {
        String words = titleContains == null ? "" : titleContains.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return creatives.findChoices(pattern, page);
    }
}
