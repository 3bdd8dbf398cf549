package io.flightdeck.email.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as a contact import's file: its header read or the file refused with a {@link ContactImportFileException}
 * (the upload's 400); the suggested mapping checked or refused with an {@link InvalidInputException}; every row then
 * checked into a contact or its errors, never an exception. The rows are also checked with the first column as the
 * email column, so files whose header names no email column reach the row checks too.
 */
class ContactImportFuzzTests {

    private static final int MAX_ROWS = 500;

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"email", "Email Address", "name", "Full Name", "time_zone", "tz", "status", "plan", "first_name", "ana@example.com", "Europe/Lisbon", ";", "@", "<", ">"})
    void anyFileIsReadOrRefusedWithItsReason(byte[] bytes) throws IOException {
        ContactCsvFile file;
        try {
            file = ContactCsvFile.open(new ByteArrayInputStream(bytes));
        } catch (ContactImportFileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        try (file) {
            List<String> header = file.header();
            assertThat(header).isNotEmpty().hasSizeLessThanOrEqualTo(ContactCsvFile.MAX_COLUMNS);
            List<ContactRowCheck> checks = new ArrayList<>();
            checkOrRefused(ContactImportMapping.suggest(header), header, checks);
            List<ContactImportColumn> emailFirst = new ArrayList<>();
            emailFirst.add(new ContactImportColumn(0, ContactImportField.EMAIL, null));
            ContactImportMapping.suggest(header).stream().filter(c -> c.index() > 0
                    && c.field() != ContactImportField.EMAIL).forEach(emailFirst::add);
            checkOrRefused(emailFirst, header, checks);
            int rows = 0;
            for (ContactCsvFile.Row row; rows < MAX_ROWS && (row = nextOrRefused(file)) != null; rows++) {
                for (ContactRowCheck check : checks) {
                    ContactRowCheck.Checked checked = check.check(row);
                    assertThat(checked.ok() == (checked.row() != null)).isTrue();
                    checked.errors().forEach(e -> assertThat(e.message()).isNotBlank());
                }
            }
        }
    }

    private static void checkOrRefused(List<ContactImportColumn> mapping, List<String> header,
            List<ContactRowCheck> checks) {
        try {
            checks.add(new ContactRowCheck(header, ContactImportMapping.checked(mapping, header)));
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static ContactCsvFile.Row nextOrRefused(ContactCsvFile file) {
        try {
            return file.next();
        } catch (ContactImportFileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        }
    }
}
