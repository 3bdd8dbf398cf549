package io.flightdeck.email.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.email.contacts.ConsentSource;
import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.email.contacts.ContactConsent;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.csv.SpreadsheetCells;
import io.flightdeck.shared.security.CurrentActor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Contact imports of the current workspace: a CSV file uploaded (stored in pieces, its header read; a file that is
 * empty, too large or not CSV text is refused and leaves nothing), previewed with a suggested mapping, started with
 * the mapping and the consent basis for the whole file (a job then reads it), and read back with its error report.
 * Callers check roles.
 */
@Service
public class ContactImports {

    /** Data rows a preview shows; it reads no further. */
    public static final int PREVIEW_ROWS = 10;

    /** The first rows of an uploaded file, as they are and as the suggested or chosen mapping reads them. */
    public record ContactImportPreview(ContactImportView upload, List<ContactImportColumn> mapping,
            List<ContactImportPreviewRow> rows) {

        /** A data row: its number, its cells (as many as the header has), and its errors under the mapping. */
        public record ContactImportPreviewRow(long row, List<String> cells, List<ContactImportRowError> errors) {
        }
    }

    /** What to start an import with: the mapping, the consent basis, a list to put everyone on, existing contacts. */
    public record Start(List<ContactImportColumn> mapping, String consentEvidence, UUID listId,
            ContactBatches.Existing existing) {
    }

    private final ContactImportRepository imports;
    private final ContactImportErrorRepository errors;
    private final ContactImportLedger ledger;
    private final ImportFileChunks chunks;
    private final ContactBatches batches;
    private final Clock clock;
    private final long maxBytes;

    ContactImports(ContactImportRepository imports, ContactImportErrorRepository errors, ContactImportLedger ledger,
            ImportFileChunks chunks, ContactBatches batches, Clock clock,
            @Value("${flightdeck.email.import-max-size:100MB}") DataSize maxSize) {
        this.imports = imports;
        this.errors = errors;
        this.ledger = ledger;
        this.chunks = chunks;
        this.batches = batches;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest file an import takes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores the file and reads its header, in one transaction: a refused file (empty, too large, not CSV text, not
     * UTF-8) leaves nothing. Nothing is imported until the import is started.
     */
    @Transactional
    public ContactImportView upload(String fileName, InputStream content) throws IOException {
        ContactImport upload = imports.saveAndFlush(new ContactImport(fileName(fileName),
                CurrentActor.require().userId(), clock.instant()));
        long size = chunks.store(upload.getId(), content, maxBytes);
        try (ContactCsvFile file = ContactCsvFile.open(chunks.open(upload.getId()))) {
            upload.read(size, file.delimiter(), file.header());
            if (file.next() == null) {
                throw new ContactImportFileException("The file has a header row but no contacts below it.");
            }
        } catch (ContactImportFileException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        return imports.saveAndFlush(upload).view();
    }

    /** The first {@value #PREVIEW_ROWS} data rows, read through the mapping it was started with or the suggested one. */
    @Transactional(readOnly = true)
    public ContactImportPreview preview(UUID id) throws IOException {
        ContactImport upload = find(id);
        List<ContactImportColumn> mapping = upload.mapping() != null ? upload.mapping()
                : ContactImportMapping.suggest(upload.header());
        List<ContactImportPreview.ContactImportPreviewRow> rows = new ArrayList<>();
        if (upload.status() == ContactImportStatus.UPLOADED) { // a started file's pieces may be gone already
            ContactRowCheck check = checkOrNull(upload.header(), mapping);
            try (ContactCsvFile file = ContactCsvFile.open(chunks.open(id))) {
                for (ContactCsvFile.Row row; rows.size() < PREVIEW_ROWS && (row = file.next()) != null; ) {
                    String[] cells = Arrays.copyOf(row.cells(), Math.max(row.cells().length, upload.header().size()));
                    List<String> shown = Stream.of(cells).map(c -> c == null ? "" : c).toList();
                    rows.add(new ContactImportPreview.ContactImportPreviewRow(row.row(), shown, check == null ? List.of() : check.check(row).errors()));
                }
            } catch (ContactImportFileException e) {
                throw new InvalidInputException("file", e.getMessage());
            }
        }
        return new ContactImportPreview(upload.view(), mapping, rows);
    }

    private static ContactRowCheck checkOrNull(List<String> header, List<ContactImportColumn> mapping) {
        try {
            return new ContactRowCheck(header, ContactImportMapping.checked(mapping, header));
        } catch (InvalidInputException e) {
            return null; // the suggestion found no email column: the rows are shown as they are
        }
    }

    /**
     * Starts the import: the mapping and the choices checked (every problem at once, 400, and nothing changes), then
     * the job queued. Only an uploaded import starts, once (409 after).
     */
    @Transactional
    public ContactImportView start(UUID id, Start start) {
        ContactImport upload = find(id);
        ContactImportMove.START.requireFrom(upload.status()); // before the mapping's checks: 409, not 400
        InputProblems problems = new InputProblems();
        List<ContactImportColumn> mapping = null;
        try {
            mapping = ContactImportMapping.checked(start.mapping(), upload.header());
        } catch (InvalidInputException e) {
            problems.addAll(e);
        }
        String evidence = null;
        try {
            evidence = new ContactConsent(ConsentSource.IMPORT, start.consentEvidence(), null).evidence();
        } catch (InvalidInputException e) {
            problems.add("consentEvidence", e.getMessage());
        }
        if (start.listId() != null && !batches.listExists(start.listId())) {
            problems.add("listId", "Not a list of this workspace");
        }
        problems.throwIfAny("The import");
        upload.start(mapping, evidence, start.listId(),
                start.existing() == null ? ContactBatches.Existing.SKIP : start.existing());
        imports.saveAndFlush(upload);
        ledger.queue(upload);
        return upload.view();
    }

    @Transactional(readOnly = true)
    public ContactImportView get(UUID id) {
        return find(id).view();
    }

    @Transactional(readOnly = true)
    public Page<ContactImportView> list(Pageable pageable) {
        return imports.findAllBy(pageable).map(ContactImport::view);
    }

    /** The error report, in file order. */
    @Transactional(readOnly = true)
    public Page<ContactImportRowError> errors(UUID id, Pageable pageable) {
        find(id);
        return errors.findByImportId(id, pageable).map(ContactImportError::view);
    }

    /**
     * The error report as CSV (row, column, message), with a last line saying how many more there were beyond the
     * report's cap; cells written so a spreadsheet shows them as text.
     */
    @Transactional(readOnly = true)
    public void writeErrorsCsv(UUID id, OutputStream out) throws IOException {
        ContactImport run = find(id);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("row", "column", "message").get());
        long listed = 0;
        try (Stream<ContactImportError> lines = errors.streamByImportIdOrderByLineNumber(id)) {
            for (ContactImportError line : (Iterable<ContactImportError>) lines::iterator) {
                ContactImportRowError e = line.view();
                csv.printRecord(e.row(), SpreadsheetCells.text(e.column()), SpreadsheetCells.text(e.message()));
                listed++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (run.errorCount() > listed) {
            csv.printRecord("", "", (run.errorCount() - listed) + " more errors are not listed: the report keeps the "
                    + "first " + ContactImportLedger.MAX_STORED_ERRORS + ".");
        }
        csv.flush();
    }

    private ContactImport find(UUID id) {
        return imports.findById(id).orElseThrow(() -> new NotFoundException("The import"));
    }

    private static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return "contacts.csv";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
