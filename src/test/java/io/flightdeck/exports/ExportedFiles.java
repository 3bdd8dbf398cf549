package io.flightdeck.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.support.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads an exported list back: CSV with Commons CSV, Excel with Apache POI; and checks a refusal's problem. */
final class ExportedFiles {

    private ExportedFiles() {
    }

    static List<List<String>> csv(MvcTestResult result) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(
                new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)))) {
            rows.add(record.toList());
        }
        return rows;
    }

    /** A column's text below the heading row, over every sheet of the list. */
    static List<String> column(MvcTestResult result, String sheetName, int column) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    cells.add(row.getCell(column).getStringCellValue());
                }
            }
        }
        return cells;
    }

    static void assertProblem(MvcTestResult result, String field) {
        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((String) Json.read(result, "$.errors[0].field")).isEqualTo(field);
    }
}
