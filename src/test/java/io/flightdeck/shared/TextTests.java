package io.flightdeck.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text.cut by hand: never longer than asked, an ellipsis where it cut, untouched otherwise. */
class TextTests {

    @Test
    void cutsToTheLengthWithAnEllipsisAndLeavesShortTextAndNullAlone() {
        assertThat(Text.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Text.cut("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
        assertThat(Text.cut("", 1)).isEmpty();
        assertThat(Text.cut(null, 10)).isNull();
    }
}
