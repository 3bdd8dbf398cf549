package io.flightdeck.content.brands;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One entry of a brand's lists; all lists share one table, told apart by kind and kept in order. */
@Embeddable
record BrandTerm(@Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind, @Column(name = "term") String term) {

    enum Kind {
        USE, AVOID, HASHTAG, COLOUR, LOGO
    }
}
