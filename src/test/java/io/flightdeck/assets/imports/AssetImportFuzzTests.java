package io.flightdeck.assets.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportTarget;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as an asset import's file: the header is found or the file is refused with an {@link ImportFileException}
 * (the import's 400 or its failed status), and then every row is checked into a value or its row errors, never an
 * exception. What a metadata row is matched against needs the asset library, so metadata rows are fuzzed up to their
 * cells; performance rows are checked whole, against two assets.
 */
class AssetImportFuzzTests {

    private static final List<ImportTarget> TARGETS = List.of(
            new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "684512339", "Hero video", AssetType.VIDEO, false),
            new ImportTarget(UUID.randomUUID(), UUID.randomUUID(), "684512339", "Twin", AssetType.IMAGE, true));
    /** Rows checked per input: a large file is many inputs' worth of rows, and the fuzzer is faster on short ones. */
    private static final int MAX_ROWS = 500;

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"asset_id", "external_asset_id", "asset_name", "asset_type", "date", "impressions", "clicks", "conversions", "spend", "revenue", "currency", "tags", "headline_text", "Ad ID", "Day", "Impr.", "Cost", "Currency code", "Reporting starts", "Reporting ends", "Amount spent (EUR)", "Total:", "--", ";", "2027-01-05", "Jan 5, 2027", "1.234,56", "1,234.56", "USD", "HEADLINE", "VIDEO"})
    void anyFileIsReadOrRefusedWithItsReason(byte[] bytes) throws IOException {
        ImportFile file;
        try {
            file = ImportFile.open(new ByteArrayInputStream(bytes));
        } catch (ImportFileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        try (file) {
            ImportKind kind = RowReaders.kindOf(file.layout());
            try {
                RowReaders.requireColumns(kind, file.layout());
            } catch (ImportFileException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            PerformanceRows performance = kind == ImportKind.PERFORMANCE ? new PerformanceRows(file.layout(),
                    file.dialect(), TARGETS, bytes.length % 2 == 0 ? "USD" : null, days -> {
                    }) : null;
            int rows = 0;
            for (SourceRow row; rows < MAX_ROWS && (row = nextOrRefused(file)) != null; rows++) {
                if (performance != null) {
                    Checked<PerformanceRows.Line> checked = performance.check(row);
                    assertThat(checked.isOk() == checked.errors().isEmpty()).isTrue();
                    checked.errors().forEach(e -> assertThat(e.message()).isNotBlank());
                } else {
                    String type = file.layout().cell(row, ImportField.ASSET_TYPE);
                    MetadataCells.read(file.layout(), row, type == null ? null : typeOrNull(type));
                }
            }
        }
    }

    /** A file that stops being CSV part way is refused from that row on: the same exception, with the row. */
    private static SourceRow nextOrRefused(ImportFile file) {
        try {
            return file.next();
        } catch (ImportFileException refused) {
            assertThat(refused.row()).isPositive();
            return null;
        }
    }

    private static AssetType typeOrNull(String text) {
        try {
            return AssetType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAType) {
            return null;
        }
    }
}
