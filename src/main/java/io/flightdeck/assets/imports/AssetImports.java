package io.flightdeck.assets.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV imports into the campaign spaces of the current workspace: accepting a file (stored first, its header checked,
 * then a job queued), the preview, reading imports and their error reports. Callers check roles.
 */
@Service
public class AssetImports {

    /** Data rows a preview reads; it never reads further. */
    public static final int PREVIEW_ROWS = 10;

    private static final Logger log = LoggerFactory.getLogger(AssetImports.class);

    private final AssetImportRepository imports;
    private final AssetImportErrorRepository errors;
    private final ImportLedger ledger;
    private final RowReaders readers;
    private final AssetLibrary library;
    private final AssetSettingsService settings;
    private final BlobStore store;

    AssetImports(AssetImportRepository imports, AssetImportErrorRepository errors, ImportLedger ledger,
            RowReaders readers, AssetLibrary library, AssetSettingsService settings, BlobStore store) {
        this.imports = imports;
        this.errors = errors;
        this.ledger = ledger;
        this.readers = readers;
        this.library = library;
        this.settings = settings;
        this.store = store;
    }

    /**
     * Stores the file, checks its header (a file no format recognises, or without the columns its kind needs, is
     * refused here with 400 and leaves nothing) and queues the job. {@code kind} null: what the header suggests.
     */
    public AssetImportView start(UUID spaceId, ImportKind kind, ImportMode mode, String fileName, InputStream content)
            throws IOException {
        UUID actor = CurrentActor.require().userId();
        library.placement(null, spaceId); // the space is this workspace's and live, before a byte is stored
        StoredBlob blob = store.put(TenantScope.require(), content, settings.current().maxUploadBytes());
        ImportKind resolved;
        ImportFormat format;
        try (ImportFile file = ImportFile.open(store.open(blob.key()))) {
            resolved = kind != null ? kind : RowReaders.kindOf(file.layout());
            RowReaders.requireColumns(resolved, file.layout());
            format = file.layout().format();
        } catch (ImportFileException e) {
            discard(blob);
            throw new InvalidInputException("file", e.getMessage());
        }
        return ledger.create(spaceId, resolved, format, mode == null ? ImportMode.ALL_OR_NOTHING : mode,
                fileName(fileName), blob, actor);
    }

    /** Bytes this refused import brought (none another upload shares) go again. */
    private void discard(StoredBlob blob) {
        if (!blob.alreadyStored()) {
            try {
                store.delete(blob.key());
            } catch (IOException e) {
                log.warn("Could not remove the refused import file {}", blob.key(), e);
            }
        }
    }

    private static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return "import.csv";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /**
     * What an import of this file would do, writing nothing: the format, the columns as mapped, and the first
     * {@value #PREVIEW_ROWS} data rows as understood, with their errors. Reads no further than those rows.
     */
    @Transactional(readOnly = true)
    public ImportPreview preview(UUID spaceId, ImportKind kind, InputStream content) throws IOException {
        library.requireSpace(spaceId);
        try (ImportFile file = ImportFile.open(content)) {
            ImportKind resolved = kind != null ? kind : RowReaders.kindOf(file.layout());
            ImportRows<?> rows = readers.open(spaceId, resolved, file, null);
            return preview(resolved, file, rows);
        } catch (ImportFileException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private static <T> ImportPreview preview(ImportKind kind, ImportFile file, ImportRows<T> rows) {
        ImportLayout layout = file.layout();
        List<ImportPreview.Row> read = new ArrayList<>();
        for (SourceRow row; read.size() < PREVIEW_ROWS && (row = file.next()) != null; ) {
            Checked<T> checked = rows.check(row);
            read.add(new ImportPreview.Row(row.row(), checked.isOk() ? rows.describe(checked.value()) : Map.of(),
                    checked.errors()));
        }
        List<ImportPreview.Column> columns = layout.mapped().entrySet().stream()
                .map(e -> new ImportPreview.Column(e.getKey(), e.getValue().name())).toList();
        return new ImportPreview(layout.format(), kind, file.dialect().charset().name(),
                String.valueOf(file.dialect().delimiter()), layout.headerRow(), layout.headerCurrency(), columns,
                layout.unmapped(), read);
    }

    @Transactional(readOnly = true)
    public AssetImportView get(UUID id) {
        return find(id).view();
    }

    /** The workspace's imports, or one space's (404 for a space of another workspace). */
    @Transactional(readOnly = true)
    public Page<AssetImportView> list(UUID spaceId, Pageable pageable) {
        if (spaceId != null) {
            library.requireSpace(spaceId);
            return imports.findBySpaceId(spaceId, pageable).map(AssetImport::view);
        }
        return imports.findAll(pageable).map(AssetImport::view);
    }

    /** The error report, in file order. */
    @Transactional(readOnly = true)
    public Page<ImportRowError> errors(UUID id, Pageable pageable) {
        find(id);
        return errors.findByImportId(id, pageable).map(AssetImportError::view);
    }

    /**
     * The error report as CSV (row, column, message), with a last line saying how many more there were beyond the
     * report's cap. Cells are written so a spreadsheet shows them as text, never as a formula.
     */
    @Transactional(readOnly = true)
    public void writeErrorsCsv(UUID id, OutputStream out) throws IOException {
        AssetImport run = find(id);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("row", "column", "message").get();
        try (CSVPrinter csv = new CSVPrinter(writer, format)) {
            List<AssetImportError> lines = errors.findByImportIdOrderByLineNumber(id);
            for (AssetImportError line : lines) {
                ImportRowError e = line.view();
                csv.printRecord(e.row(), cell(e.column()), cell(e.message()));
            }
            long more = run.getErrorCount() - lines.size();
            if (more > 0) {
                csv.printRecord("", "", more + " more errors are not listed: the report keeps the first "
                        + ImportLedger.MAX_STORED_ERRORS + ".");
            }
        }
    }

    /**
     * Text from the file could start a spreadsheet formula; such cells get an apostrophe in front so Excel and
     * LibreOffice show them as text (OWASP "CSV injection"), as the audit log's export does.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    private AssetImport find(UUID id) {
        return imports.findById(id).orElseThrow(() -> new NotFoundException("The import"));
    }
}
