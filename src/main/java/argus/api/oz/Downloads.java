package argus.api.oz;

import argus.storage.MediaStore;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A stored object streamed as a download. */
final class Downloads {
    private Downloads() {
    }

    static HttpResponse<StreamedFile> of(MediaStore store, String key, MediaType type, String name) {
        try {
            StreamedFile file = new StreamedFile(store.open(key), type, System.currentTimeMillis(), store.size(key));
            String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
            return HttpResponse.ok(file).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("stored media is unreadable: " + key, e);
        }
    }
}
