package io.flightdeck.assets.web;

import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text in the tus headers a client sends (Upload-Length, Upload-Offset, Upload-Metadata, Upload-Checksum): read, or
 * refused with an {@link InvalidInputException} naming the header (400), never another exception; a number read is
 * never negative, and metadata read is written back to the same pairs.
 */
class TusHeadersFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"filename ", "tags ", "c3VtbWVyLW1vdmllLm1wNA==", ",", " ", "=", "sha256 ", "sha1 ", "734003200", "9223372036854775807", "99999999999999999999"})
    void anyHeaderTextIsReadOrRefusedNamingTheHeader(FuzzedDataProvider data) {
        String length = data.consumeString(40);
        String checksum = data.consumeBoolean() ? null : data.consumeString(120);
        String metadata = data.consumeRemainingAsString();
        try {
            assertThat(TusHeaders.number(TusHeaders.UPLOAD_LENGTH, length)).isNotNegative();
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isEqualTo(TusHeaders.UPLOAD_LENGTH);
        }
        try {
            TusHeaders.checksum(checksum);
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isEqualTo(TusHeaders.UPLOAD_CHECKSUM);
        }
        Map<String, String> pairs;
        try {
            pairs = TusHeaders.metadata(metadata);
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isEqualTo(TusHeaders.UPLOAD_METADATA);
            return;
        }
        assertThat(TusHeaders.metadata(TusHeaders.metadata(pairs))).isEqualTo(pairs);
    }
}
