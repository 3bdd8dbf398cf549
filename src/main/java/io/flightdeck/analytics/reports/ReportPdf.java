package io.flightdeck.analytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A report as a PDF: the pages' Thymeleaf engine writes {@code analytics/reports/report-pdf.html} (the screen's own
 * tables, from the same fragment, and the same SVG chart), jsoup makes it a DOM, and openhtmltopdf lays it out and draws
 * it with PDFBox, the chart through Batik. Nothing is fetched: the document names no outside resource, and any it
 * did would be refused. Text is set in DejaVu Sans, embedded (Debian's fonts-dejavu-core); without it the PDF base
 * fonts stand in, which show letters outside Latin-1 as "#" rather than failing.
 */
@Component
class ReportPdf {

    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final String FAMILY = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final Path fonts;

    @Autowired
    ReportPdf(ITemplateEngine templates) {
        this(templates, DEJAVU);
    }

    /** {@code fonts} is where DejaVuSans.ttf and DejaVuSans-Bold.ttf are looked for. */
    ReportPdf(ITemplateEngine templates, Path fonts) {
        this.templates = templates;
        this.fonts = fonts;
    }

    void write(CampaignReport report, OutputStream out) throws IOException {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("chartSvg", ReportChart.svg(report));
        String html = templates.process("analytics/reports/report-pdf", context);

        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(W3CDom.convert(Jsoup.parse(html)), null);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useSVGDrawer(new BatikSVGDrawer());
        font(builder, "DejaVuSans.ttf", 400);
        font(builder, "DejaVuSans-Bold.ttf", 700);
        builder.withProducer("Flightdeck");
        builder.toStream(out);
        builder.run();
    }

    /** Registers the font for the text and for the chart's SVG when the file is there; else the base fonts serve. */
    private void font(PdfRendererBuilder builder, String file, int weight) {
        Path path = fonts.resolve(file);
        if (Files.isReadable(path)) {
            builder.useFont(path.toFile(), FAMILY, weight, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE));
        }
    }
}
