package io.flightdeck.assets.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers and dates as the exports write them. */
class CellValuesTests {

    @Test
    void countsReadThousandsSeparatorsByTheFilesConvention() {
        assertThat(CellValues.whole("1234", false)).isEqualTo(1234);
        assertThat(CellValues.whole("1,234", false)).isEqualTo(1234);
        assertThat(CellValues.whole("1,234,567", false)).isEqualTo(1_234_567);
        assertThat(CellValues.whole("1.234", true)).isEqualTo(1234);
        assertThat(CellValues.whole("1 234", true)).isEqualTo(1234);
        assertThat(CellValues.whole("1\u00A0234", false)).isEqualTo(1234);
        assertThat(CellValues.whole("12.00", false)).isEqualTo(12);
        assertThat(CellValues.whole("--", false)).isNull();
        assertThat(CellValues.whole(" ", false)).isNull();
        assertThat(CellValues.whole("-5", false)).isEqualTo(-5);
    }

    @Test
    void countsRefuseWhatIsNoWholeNumber() {
        assertThatThrownBy(() -> CellValues.whole("12.5", false)).hasMessage("\"12.5\" is not a whole number");
        assertThatThrownBy(() -> CellValues.whole("abc", false)).hasMessage("\"abc\" is not a number");
        assertThatThrownBy(() -> CellValues.whole("1,23,4", false)).hasMessage("\"1,23,4\" is not a number");
        assertThatThrownBy(() -> CellValues.whole("99999999999999999999", false)).hasMessageContaining("too large");
    }

    @Test
    void amountsTakeTheDecimalSeparatorFromTheCellOrTheFile() {
        assertThat(CellValues.money("1,234.56", false)).isEqualByComparingTo("1234.56");
        assertThat(CellValues.money("1.234,56", true)).isEqualByComparingTo("1234.56");
        assertThat(CellValues.money("12,5", true)).isEqualByComparingTo("12.50");
        assertThat(CellValues.money("12.5", true)).isEqualByComparingTo("12.50");
        assertThat(CellValues.money("0.125", false)).isEqualTo(new BigDecimal("0.13"));
        assertThat(CellValues.money("$1,000", false)).isEqualByComparingTo("1000");
        assertThat(CellValues.money("€ 9,99", true)).isEqualByComparingTo("9.99");
        assertThatThrownBy(() -> CellValues.money("1e5", false)).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> CellValues.money("123456789012345", false)).hasMessageContaining("too large");
    }

    @Test
    void fractionalConversionsAreRounded() {
        assertThat(CellValues.rounded("2.50", false)).isEqualTo(3);
        assertThat(CellValues.rounded("0.33", false)).isZero();
    }

    @Test
    void datesInTheFormsExportsUse() {
        LocalDate day = LocalDate.of(2027, 1, 31);
        assertThat(CellValues.date("2027-01-31")).isEqualTo(day);
        assertThat(CellValues.date("2027/01/31")).isEqualTo(day);
        assertThat(CellValues.date("20270131")).isEqualTo(day);
        assertThat(CellValues.date("Jan 31, 2027")).isEqualTo(day);
        assertThat(CellValues.date("Sun, Jan 31, 2027")).isEqualTo(day);
        assertThat(CellValues.date("31 Jan 2027")).isEqualTo(day);
        assertThat(CellValues.date("")).isNull();
        assertThatThrownBy(() -> CellValues.date("01/02/2027")).hasMessage("\"01/02/2027\" is not a date; write it as YYYY-MM-DD");
        assertThatThrownBy(() -> CellValues.date("2027-02-30")).hasMessage("\"2027-02-30\" is not a day of the calendar");
    }
}
