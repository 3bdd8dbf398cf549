package io.flightdeck.email.sending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The A/B split by hand: exact shares, even variants, the same draw for the same send, a small audience. */
class TestSplitTests {

    private static final UUID SEND = UUID.fromString("01a20fde-bfe1-7d96-8aaf-f8a97205eac7");

    @Test
    void twentyPerCentOfAThousandIsTwoHundredSplitEvenlyAndTheRestWaits() {
        Map<String, Integer> counts = count(TestSplit.of(1000, 20, List.of("A", "B", "C"), SEND), 1000);
        // 200 in the test: 67, 67, 66 as whole people allow; 800 wait
        assertThat(counts).containsEntry("A", 67).containsEntry("B", 67).containsEntry("C", 66).containsEntry("held", 800);
    }

    @Test
    void theSameSendDrawsTheSamePeopleAndAnotherSendOthers() {
        TestSplit once = TestSplit.of(500, 10, List.of("A", "B"), SEND);
        TestSplit again = TestSplit.of(500, 10, List.of("A", "B"), SEND);
        TestSplit other = TestSplit.of(500, 10, List.of("A", "B"), UUID.randomUUID());
        boolean differs = false;
        for (int i = 0; i < 500; i++) {
            assertThat(again.variantAt(i)).isEqualTo(once.variantAt(i));
            differs |= !java.util.Objects.equals(other.variantAt(i), once.variantAt(i));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aTinyAudienceStillGivesEachVariantSomeoneWhileItCan() {
        // 2 % of 10 rounds to 0, but each of the two variants gets one person
        assertThat(count(TestSplit.of(10, 2, List.of("A", "B"), SEND), 10)).containsEntry("A", 1).containsEntry("B", 1)
                .containsEntry("held", 8);
        // an audience smaller than the variants: everyone is in the test
        assertThat(count(TestSplit.of(2, 50, List.of("A", "B", "C", "D"), SEND), 2)).doesNotContainKey("held");
        assertThat(count(TestSplit.of(0, 50, List.of("A", "B"), SEND), 0)).isEmpty();
    }

    private static Map<String, Integer> count(TestSplit split, int size) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String v = split.variantAt(i);
            counts.merge(v == null ? "held" : v, 1, Integer::sum);
        }
        return counts;
    }
}
