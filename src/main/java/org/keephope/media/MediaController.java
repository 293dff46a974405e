package org.keephope.media;

import java.time.Duration;
import org.keephope.web.PageNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves stored images. Their content never changes under a path, so browsers and proxies may keep them.
 * {@code X-Content-Type-Options: nosniff} comes with every answer ({@code web.SecurityHeaders}).
 */
@Controller
class MediaController {

    private final Media media;

    MediaController(Media media) {
        this.media = media;
    }

    @GetMapping("/media/{id}.{extension}")
    ResponseEntity<byte[]> serve(@PathVariable String id, @PathVariable String extension) {
        var file = media.find(id, extension).orElseThrow(() -> PageNotFound.of("media", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("Content-Disposition", "inline")
                .body(file.bytes());
    }
}
