package io.flightdeck.assets.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDFs through PDFBox: the page count and a thumbnail of the first page. PDFBox reads the file where it lies and keeps
 * the streams it unpacks in temporary files rather than on the heap, so a large PDF does not fill memory; the page is
 * rendered straight at the large thumbnail's size, with embedded images subsampled to it.
 */
final class PdfInspection {

    private PdfInspection() {
    }

    static MediaFacts inspect(Path file) throws IOException {
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            return MediaFacts.none("The PDF is protected by a password");
        }
        try (document) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return MediaFacts.none("The PDF has no pages");
            }
            return new MediaFacts(null, null, null, null, null, pages, null, firstPageThumbnails(document), null);
        }
    }

    /** A PDF's page has no pixels: the large thumbnail is the page drawn with its longest side at 1280 px. */
    private static List<Rendition> firstPageThumbnails(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        PDRectangle box = page.getCropBox();
        float longest = Math.max(box.getWidth(), box.getHeight());
        if (!(longest > 0)) {
            return List.of();
        }
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true);
        BufferedImage rendered = renderer.renderImage(0, Pictures.LARGE / longest, ImageType.RGB);
        return Pictures.thumbnails(rendered, rendered.getWidth(), rendered.getHeight(), 1).renditions();
    }
}
