package io.flightdeck.strategy;

import java.util.List;

/**
 * One field of two strategy versions side by side, as people read it: platform and objective labels instead of names,
 * list items marked when only one side has them. Text fields fill {@code before}/{@code after}; lists and the budget
 * split fill {@code beforeItems}/{@code afterItems}.
 */
public record StrategyDiffRow(String label, boolean changed, boolean list, String before, String after,
        List<DiffItem> beforeItems, List<DiffItem> afterItems) {

    /** @param marked whether only this side has the item (removed on the older side, added on the newer) */
    public record DiffItem(String text, boolean marked) {
    }
}
