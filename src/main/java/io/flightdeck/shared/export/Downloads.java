package io.flightdeck.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A file handed to the browser to save: its media type and name, then the bytes, streamed by the caller. */
public final class Downloads {

    private Downloads() {
    }

    /**
     * Sets the headers of a download and answers the stream to write it to. A plain name stays plain; another one is
     * encoded (RFC 6266), so no header breaks on a quote or an accent. Every refusal (404, 400) must come before this.
     */
    public static OutputStream start(HttpServletResponse response, String mediaType, String fileName)
            throws IOException {
        boolean ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        response.setContentType(mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (ascii ? ContentDisposition.attachment().filename(fileName)
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)).build().toString());
        return response.getOutputStream();
    }
}
