package io.flightdeck.assets.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Range header forms a video element or a resumed download sends, and the ones answered 416 or ignored. */
class ByteRangeTests {

    @Test
    void aSingleRangeIsHonouredAndClippedToTheContent() {
        assertThat(ByteRange.parse("bytes=0-99", 1_000)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=500-", 1_000)).isEqualTo(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=-100", 1_000)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1_000)).as("a suffix longer than the content").isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=990-5000", 1_000)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=0-99999999999999999999999", 1_000)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse(" Bytes=7-7 ", 1_000)).isEqualTo(new ByteRange(7, 7));
        assertThat(new ByteRange(990, 999).length()).isEqualTo(10);
    }

    @Test
    void aRangeOutsideTheContentOrMalformedIsUnsatisfiable() {
        for (String header : new String[] {"bytes=1000-", "bytes=1000-1005", "bytes=99999999999999999999999-", "bytes=-0",
                "bytes=5-2", "bytes=-", "bytes=", "bytes=a-b", "bytes=1-2-3"}) {
            assertThat(ByteRange.parse(header, 1_000)).as(header).isSameAs(ByteRange.UNSATISFIABLE);
        }
        assertThat(ByteRange.parse("bytes=0-", 0)).as("empty content has no bytes to range").isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-1", 0)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.UNSATISFIABLE.satisfiable()).isFalse();
    }

    @Test
    void noHeaderAnotherUnitOrSeveralRangesSendTheWhole() {
        assertThat(ByteRange.parse(null, 1_000)).isNull();
        assertThat(ByteRange.parse("", 1_000)).isNull();
        assertThat(ByteRange.parse("items=0-5", 1_000)).isNull();
        assertThat(ByteRange.parse("bytes=0-5,10-20", 1_000)).isNull();
    }
}
