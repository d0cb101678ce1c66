package argus.api;

import argus.storage.MediaStore;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A stored object streamed to the client: as a download (the API), or to be shown in a page (the console). */
public final class Downloads {
    private Downloads() {
    }

    public static HttpResponse<StreamedFile> attachment(MediaStore store, String key, MediaType type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return HttpResponse.ok(file(store, key, type)).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"");
    }

    public static HttpResponse<StreamedFile> inline(MediaStore store, String key, MediaType type) {
        return HttpResponse.ok(file(store, key, type)).header(HttpHeaders.CONTENT_DISPOSITION, "inline");
    }

    private static StreamedFile file(MediaStore store, String key, MediaType type) {
        try {
            return new StreamedFile(store.open(key), type, System.currentTimeMillis(), store.size(key));
        } catch (IOException e) {
            throw new UncheckedIOException("stored media is unreadable: " + key, e);
        }
    }
}
