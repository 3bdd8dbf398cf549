package io.flightdeck.assets.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import io.flightdeck.shared.csv.CsvDialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading files as the exports write them: dialects, the header under title lines, mappings, total lines. */
class ImportFileTests {

    static final String GOOGLE_ADS = """
            Ad performance report
            "January 1, 2027 - January 31, 2027"
            Ad ID,Campaign,Ad group,Day,Currency code,Impr.,Clicks,Conversions,Cost,Conv. value
            684512339,Summer sale,Beach,2027-01-05,USD,"12,345",678,12.50,"1,234.56","2,000.00"
            684512340,Summer sale,Beach,2027-01-05,USD,--,--,--,--,--
            Total: Account,--,--,--,USD,"12,345",678,12.50,"1,234.56","2,000.00"
            Total: Search,--,--,--,USD,"12,345",678,12.50,"1,234.56","2,000.00"
            """;

    static final String META_ADS = """
            Reporting starts,Reporting ends,Ad name,Ad ID,Impressions,Clicks (all),Link clicks,Results,Amount spent (EUR),Purchases conversion value
            2027-01-05,2027-01-05,Hero video,120000001,5000,300,210,7,99.90,450.00
            """;

    private static ImportFile open(String text) throws IOException {
        return open(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportFile open(byte[] bytes) throws IOException {
        return ImportFile.open(new ByteArrayInputStream(bytes));
    }

    private static List<SourceRow> rows(ImportFile file) {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row; (row = file.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aGoogleAdsReportIsFoundUnderItsTitleLinesAndItsTotalLinesAreLeftOut() throws IOException {
        try (ImportFile file = open(GOOGLE_ADS)) {
            ImportLayout layout = file.layout();
            assertThat(layout.format()).isEqualTo(ImportFormat.GOOGLE_ADS);
            assertThat(layout.headerRow()).isEqualTo(3);
            assertThat(layout.mapped()).containsEntry("Ad ID", ImportField.EXTERNAL_ID).containsEntry("Day", ImportField.DAY)
                    .containsEntry("Impr.", ImportField.IMPRESSIONS).containsEntry("Cost", ImportField.SPEND)
                    .containsEntry("Conv. value", ImportField.REVENUE).containsEntry("Currency code", ImportField.CURRENCY);
            assertThat(layout.unmapped()).containsExactly("Campaign", "Ad group");
            List<SourceRow> rows = rows(file);
            assertThat(rows).extracting(SourceRow::row).containsExactly(4L, 5L);
            assertThat(layout.cell(rows.get(0), ImportField.IMPRESSIONS)).isEqualTo("12,345");
        }
    }

    @Test
    void aMetaExportPrefersLinkClicksAndTakesTheCurrencyFromTheHeader() throws IOException {
        try (ImportFile file = open(META_ADS)) {
            ImportLayout layout = file.layout();
            assertThat(layout.format()).isEqualTo(ImportFormat.META_ADS);
            assertThat(layout.column(ImportField.CLICKS)).isEqualTo("Link clicks");
            assertThat(layout.column(ImportField.SPEND)).isEqualTo("Amount spent (EUR)");
            assertThat(layout.headerCurrency()).isEqualTo("EUR");
            assertThat(layout.column(ImportField.DAY_END)).isEqualTo("Reporting ends");
            assertThat(layout.unmapped()).containsExactly("Clicks (all)");
        }
    }

    @Test
    void theSeedsColumnsAreTheSeedFormat() throws IOException {
        try (ImportFile file = open("asset_name,asset_type,external_asset_id,headline_text,tags\nSale,headline,h-1,Big sale,\"a,b\"\n")) {
            assertThat(file.layout().format()).isEqualTo(ImportFormat.SEED);
            assertThat(RowReaders.kindOf(file.layout())).isEqualTo(ImportKind.METADATA);
        }
        try (ImportFile file = open("external_asset_id,date,impressions,clicks\nh-1,2027-01-01,10,1\n")) {
            assertThat(RowReaders.kindOf(file.layout())).isEqualTo(ImportKind.PERFORMANCE);
        }
    }

    @Test
    void europeanExcelWithSemicolonsAByteOrderMarkAndQuotedLineBreaks() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "external_asset_id;date;spend;description\r\nh-1;2027-01-01;1.234,50;\"two\r\nlines; one cell\"\r\nh-2;2027-01-02;12,5;x\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        try (ImportFile file = open(bytes)) {
            assertThat(file.dialect().delimiter()).isEqualTo(';');
            assertThat(file.dialect().decimalComma()).isTrue();
            assertThat(file.layout().column(ImportField.EXTERNAL_ID)).isEqualTo("external_asset_id");
            List<SourceRow> rows = rows(file);
            assertThat(rows).extracting(SourceRow::row).containsExactly(2L, 3L);
            assertThat(rows.get(0).cells()[3]).isEqualTo("two\r\nlines; one cell");
            assertThat(CellValues.money(file.layout().cell(rows.get(0), ImportField.SPEND), true)).isEqualByComparingTo("1234.50");
        }
    }

    @Test
    void googlesExcelCsvIsUtf16WithTabs() throws IOException {
        String text = "Ad ID\tDay\tImpr.\tClicks\tCost\n684512339\t2027-01-05\t1,234\t5\t3.50\n";
        byte[] body = text.getBytes(Charset.forName("UTF-16LE"));
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        try (ImportFile file = open(bytes)) {
            assertThat(file.dialect().charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(file.dialect().delimiter()).isEqualTo('\t');
            assertThat(file.layout().format()).isEqualTo(ImportFormat.GOOGLE_ADS);
            assertThat(rows(file)).singleElement().satisfies(row -> assertThat(row.cells()[2]).isEqualTo("1,234"));
        }
    }

    @Test
    void blankLinesAreSkippedButStillCountAsRows() throws IOException {
        try (ImportFile file = open("external_asset_id,date,impressions\n\nh-1,2027-01-01,1\n,,\nh-2,2027-01-02,2\n")) {
            assertThat(rows(file)).extracting(SourceRow::row).containsExactly(3L, 5L);
        }
    }

    @Test
    void aFileWithoutAKnownHeaderOrNotValidCsvIsRefusedAsAWhole() throws IOException {
        assertThatThrownBy(() -> open("")).isInstanceOf(ImportFileException.class).hasMessage("The file is empty.");
        assertThatThrownBy(() -> open("foo,bar\n1,2\n")).isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("No header row found in the first 50 rows");
        try (ImportFile file = open("external_asset_id,date,impressions\nh-1,2027-01-01,1\n\"h-2,2027-01-02,2\n")) {
            assertThat(file.next()).isNotNull();
            assertThatThrownBy(file::next).isInstanceOf(ImportFileException.class)
                    .hasMessageStartingWith("The file is not valid CSV from row 3 on");
        }
    }

    @Test
    void theDelimiterIsTheOneThatSplitsRowsEvenly() {
        char[] sample = "a;b;c\n1,5;2,5;3\n4,5;5;6,75\n".toCharArray();
        assertThat(CsvDialect.delimiter(sample, sample.length)).isEqualTo(';');
        char[] commas = "Report\n\"Jan 1, 2027 - Jan 31, 2027\"\na,b,c\n\"1,234\",2,3\n".toCharArray();
        assertThat(CsvDialect.delimiter(commas, commas.length)).isEqualTo(',');
    }

    @Test
    void aHeaderOfAnotherFormatCannotCarryMetadata() throws IOException {
        try (ImportFile file = open(GOOGLE_ADS)) {
            assertThatThrownBy(() -> MetadataRows.requireColumns(file.layout())).isInstanceOf(ImportFileException.class)
                    .hasMessageStartingWith("This is a GOOGLE_ADS export");
        }
        try (ImportFile file = open("asset_name,asset_type\nSale,HEADLINE\n")) {
            assertThatThrownBy(() -> PerformanceRows.requireColumns(file.layout())).isInstanceOf(ImportFileException.class)
                    .hasMessageContaining("a date column").hasMessageContaining("a number column");
        }
    }
}
