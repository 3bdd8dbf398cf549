package io.flightdeck.email.web;

import java.io.UncheckedIOException;
import java.time.Duration;

import io.flightdeck.assets.ImageLibrary;
import io.flightdeck.email.templates.TemplateImageLinks;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library images templates carry ({@code /t/i/{token}}, see {@link TemplateImageLinks}), for mail clients that
 * cannot sign in: no session, no CSRF, only reads. The workspace comes from the signed token and the read runs inside
 * it; a forged or altered token, and an image since archived or deleted, answer 404. The bytes are streamed by
 * Spring's resource converter on the request's thread, never held in memory.
 * <p>
 * Caching: an hour in any cache, mail proxies (Gmail's, Apple's) included, so that a deleted image stops showing
 * within the hour; the bytes' hash is the ETag, so a revalidation costs no download.
 */
@RestController
class TemplateImagesController {

    private static final Duration CACHE_FOR = Duration.ofHours(1);

    private final TemplateImageLinks links;
    private final ImageLibrary images;

    TemplateImagesController(TemplateImageLinks links, ImageLibrary images) {
        this.links = links;
        this.images = images;
    }

    @Bean
    static PublicPaths templateImagePaths() {
        return PublicPaths.of(TemplateImageLinks.PATH + "**");
    }

    @GetMapping(TemplateImageLinks.PATH + "{token}")
    ResponseEntity<Resource> image(@PathVariable String token,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TemplateImageLinks.Image image = links.verify(token);
        ImageLibrary.Picture picture = TenantScope.call(image.workspaceId(), () -> images.picture(image.assetId()))
                .orElseThrow(() -> new NotFoundException("Image"));
        String etag = "\"" + picture.tag() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        headers.setContentType(MediaType.parseMediaType(picture.mimeType()));
        headers.setContentLength(picture.size());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(() -> {
            try {
                return picture.bytes().open();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }));
    }
}
