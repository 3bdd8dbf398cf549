package io.flightdeck.assets.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportTarget;
import io.flightdeck.assets.domain.PerformanceDay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What performance rows become in each format, and what each kind of bad row is told. */
class PerformanceRowsTests {

    private final ImportTarget hero = new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "684512339", "Hero video",
            AssetType.VIDEO, false);
    private final ImportTarget banner = new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "120000001", "Banner",
            AssetType.IMAGE, false);
    private final ImportTarget twinA = new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "twin", "Twin A",
            AssetType.IMAGE, false);
    private final ImportTarget twinB = new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "twin", "Twin B",
            AssetType.IMAGE, true);

    private List<Checked<PerformanceRows.Line>> read(String csv, String spaceCurrency) throws IOException {
        try (ImportFile file = ImportFile.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            PerformanceRows.requireColumns(file.layout());
            PerformanceRows rows = new PerformanceRows(file.layout(), file.dialect(), List.of(hero, banner, twinA, twinB),
                    spaceCurrency, days -> {
                    });
            List<Checked<PerformanceRows.Line>> checked = new ArrayList<>();
            for (SourceRow row; (row = file.next()) != null; ) {
                checked.add(rows.check(row));
            }
            return checked;
        }
    }

    @Test
    void aGoogleAdsReportMapsToDaysOfTheAssetWithThatAdId() throws IOException {
        List<Checked<PerformanceRows.Line>> rows = read(ImportFileTests.GOOGLE_ADS.replace("684512340", "684512339")
                .replace("2027-01-05,USD,--", "2027-01-06,USD,--"), "USD");
        assertThat(rows).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        PerformanceDay first = rows.get(0).value().day();
        assertThat(first).isEqualTo(new PerformanceDay(hero.useId(), LocalDate.of(2027, 1, 5), 12_345, 678, 13,
                new BigDecimal("1234.56"), new BigDecimal("2000.00")));
        PerformanceDay empty = rows.get(1).value().day();
        assertThat(empty.impressions()).isZero();
        assertThat(empty.spend()).isEqualByComparingTo("0");
    }

    @Test
    void aMetaExportMapsLinkClicksResultsAndTheAmountSpent() throws IOException {
        List<Checked<PerformanceRows.Line>> rows = read(ImportFileTests.META_ADS, "EUR");
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.value().day()).isEqualTo(new PerformanceDay(
                banner.useId(), LocalDate.of(2027, 1, 5), 5000, 210, 7, new BigDecimal("99.90"), new BigDecimal("450.00"))));
        assertThat(rows.get(0).value().assetId()).isEqualTo(banner.assetId());
    }

    @Test
    void eachBadCellIsReportedWithItsRowAndColumn() throws IOException {
        String csv = """
                asset_id,external_asset_id,date,impressions,clicks,conversions,spend,revenue
                ,684512339,2027-01-05,ten,5,1,10.00,20.00
                ,684512339,2027-01-05,100,-5,1,-1.00,20.00
                ,nope,2027-01-05,100,5,1,1.00,2.00
                ,684512339,2027-13-05,100,5,1,1.00,2.00
                ,684512339,2027-01-05,100
                ,684512339,2027-01-05,100,500,1,1.00,2.00
                not-a-uuid,,2027-01-05,1,1,1,1,1
                ,twin,2027-01-05,1,1,1,1,1
                ,684512339,,1,1,1,1,1
                """;
        List<Checked<PerformanceRows.Line>> rows = read(csv, null);
        assertThat(rows.get(0).errors()).containsExactly(new ImportRowError(2, "impressions", "\"ten\" is not a number."));
        assertThat(rows.get(1).errors()).containsExactly(new ImportRowError(3, "clicks", "Must not be negative."),
                new ImportRowError(3, "spend", "Must not be negative."));
        assertThat(rows.get(2).errors()).containsExactly(new ImportRowError(4, "external_asset_id",
                "No asset in this campaign space has the platform id nope."));
        assertThat(rows.get(3).errors()).containsExactly(new ImportRowError(5, "date", "\"2027-13-05\" is not a day of the calendar."));
        assertThat(rows.get(4).errors()).containsExactly(new ImportRowError(6, "clicks", "The row ends after 4 of the header's 8 columns."));
        assertThat(rows.get(5).errors()).containsExactly(new ImportRowError(7, "clicks", "500 clicks are more than the 100 impressions."));
        assertThat(rows.get(6).errors()).containsExactly(new ImportRowError(8, "asset_id", "\"not-a-uuid\" is not an asset id."));
        assertThat(rows.get(7).errors()).containsExactly(new ImportRowError(9, "external_asset_id",
                "Several assets in this campaign space have the platform id twin; name the asset by its asset_id."));
        assertThat(rows.get(8).errors()).containsExactly(new ImportRowError(10, "date", "The day is missing."));
    }

    @Test
    void amountsInAnotherCurrencyThanTheSpacesAreRefused() throws IOException {
        assertThat(read(ImportFileTests.META_ADS, "USD").get(0).errors()).containsExactly(new ImportRowError(2,
                "Amount spent (EUR)", "The amounts are in EUR; the campaign space's budget is in USD."));
        assertThat(read(ImportFileTests.GOOGLE_ADS, "EUR").get(0).errors()).containsExactly(new ImportRowError(4,
                "Currency code", "The amounts are in USD; the campaign space's budget is in EUR."));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() throws IOException {
        String csv = ImportFileTests.META_ADS.replace("2027-01-05,2027-01-05", "2027-01-05,2027-01-04");
        assertThat(read(csv, null).get(0).errors()).containsExactly(new ImportRowError(2, "Reporting ends",
                "The period ends before it starts."));
    }
}
