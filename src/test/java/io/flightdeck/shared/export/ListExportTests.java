package io.flightdeck.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.flightdeck.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;

/** The export kit read back by readers nobody here wrote: Commons CSV's parser and Apache POI. */
class ListExportTests {

    record Item(String name, long count, LocalDate day, Instant at) {
    }

    private static final ListExport<Item> ITEMS = ListExport.of("Items",
            ExportColumn.text("Name", Item::name), ExportColumn.count("Count", Item::count),
            ExportColumn.date("Day", Item::day), ExportColumn.moment("At (UTC)", Item::at));

    private static final List<String> HOSTILE = List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tTab", "\rReturn", "plain");

    @Test
    void csvDefusesFormulasAndKeepsNumbersAndDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ITEMS.write(ExportFormat.CSV, rows(HOSTILE), out, XlsxWorkbookWriter.SHEET_ROWS);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(records.get(0).values()).containsExactly("Name", "Count", "Day", "At (UTC)");
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0))
                .containsExactly("'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tTab", "'\rReturn", "plain");
        // a negative number stays a number: only text is defused
        assertThat(records.get(1).values()).containsExactly("'=1+2", "-1", "2026-03-01", "2026-03-01T10:00:00Z");
    }

    @Test
    void xlsxDefusesFormulasAndKeepsNumbersAndDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ITEMS.write(ExportFormat.XLSX, rows(HOSTILE), out, XlsxWorkbookWriter.SHEET_ROWS);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Items");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("At (UTC)");
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(names).containsExactly("'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tTab", "'\rReturn", "plain");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(-1);
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getRow(3).getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(sheet.getRow(3).getCell(3).getLocalDateTimeCellValue())
                    .hasToString("2026-03-01T10:00:02");
        }
    }

    @Test
    void rowsBeyondASheetGoOnInTheNextSheet() throws IOException {
        List<String> names = IntStream.rangeClosed(1, 10).mapToObj(i -> "item " + i).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // four rows a sheet: the headings and three items
        ITEMS.write(ExportFormat.XLSX, rows(names), out, 4);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = new ArrayList<>();
            List<String> read = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                sheets.add(sheet.getSheetName());
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(3);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    read.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(sheets).containsExactly("Items", "Items (2)", "Items (3)", "Items (4)");
            assertThat(read).isEqualTo(names);
        }
    }

    @Test
    void pagedRowsReadEveryPageOnce() throws IOException {
        List<Integer> seen = new ArrayList<>();
        int total = ExportRows.PAGE * 2 + 3;
        ExportRows<Integer> rows = ExportRows.paged(Sort.unsorted(), pageable -> {
            int from = (int) pageable.getOffset();
            List<Integer> page = IntStream.range(from, Math.min(total, from + pageable.getPageSize())).boxed().toList();
            return new PageImpl<>(page, pageable, total);
        });
        rows.forEach(seen::add);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownFormatIsInvalidInput() {
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" Xlsx ")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.parse("pdf")).isInstanceOf(InvalidInputException.class);
    }

    private static ExportRows<Item> rows(List<String> names) {
        return writer -> {
            for (int i = 0; i < names.size(); i++) {
                writer.write(new Item(names.get(i), i - 1, LocalDate.of(2026, 3, 1 + i),
                        Instant.parse("2026-03-01T10:00:00.123Z").plusSeconds(i)));
            }
        };
    }
}
