package argus.api;

import argus.report.FolderReports;
import argus.storage.MediaStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored object streamed to the client: as a download (the API), or to be shown in a page (the console), where one
 * byte range may be asked for so that a video can be sought.
 */
public final class Downloads {
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public static final MediaType PDF = MediaType.of("application/pdf");

    private Downloads() {}

    public static HttpResponse<StreamedFile> attachment(MediaStore store, String key, MediaType type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return HttpResponse.ok(file(read(store, key, null), type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"");
    }

    /**
     * A folder's report as a PDF download; {@code Repr-Digest} (RFC 9530) carries the SHA-256 of the bytes sent, so the
     * file kept can be checked against what was answered.
     */
    public static HttpResponse<byte[]> report(FolderReports.Report report) {
        return HttpResponse.ok(report.pdf())
                .contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.fileName() + "\"")
                .header(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(report.pdfSha256())) + ":");
    }

    /**
     * The object for display; with a {@code Range} of one byte range ({@code bytes=a-b}, {@code bytes=a-},
     * {@code bytes=-n}) only those bytes, as 206. A range that cannot be served is 416; several ranges get the whole.
     */
    public static HttpResponse<StreamedFile> inline(
            MediaStore store, String key, MediaType type, @Nullable String range) {
        Matcher asked = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (asked == null
                || !asked.matches()
                || asked.group(1).isEmpty() && asked.group(2).isEmpty()) {
            return HttpResponse.ok(file(read(store, key, null), type))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        }
        MediaStore.ByteRange byteRange = new MediaStore.ByteRange(
                asked.group(1).isEmpty() ? null : Long.parseLong(asked.group(1)),
                asked.group(2).isEmpty() ? null : Long.parseLong(asked.group(2)));
        MediaStore.Slice slice;
        try {
            slice = store.read(key, byteRange);
        } catch (MediaStore.RangeNotSatisfiable e) {
            return HttpResponse.<StreamedFile>status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.total());
        } catch (IOException e) {
            throw unreadable(key, e);
        }
        return HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT)
                .body(file(slice, type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(
                        HttpHeaders.CONTENT_RANGE,
                        "bytes %d-%d/%d".formatted(slice.first(), slice.last(), slice.total()));
    }

    private static MediaStore.Slice read(MediaStore store, String key, MediaStore.@Nullable ByteRange range) {
        try {
            return store.read(key, range);
        } catch (IOException e) {
            throw unreadable(key, e);
        }
    }

    private static UncheckedIOException unreadable(String key, IOException e) {
        return new UncheckedIOException("stored media is unreadable: " + key, e);
    }

    private static StreamedFile file(MediaStore.Slice slice, MediaType type) {
        return new StreamedFile(
                new Limited(slice.content(), slice.length()), type, System.currentTimeMillis(), slice.length());
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            remaining -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            remaining -= Math.max(read, 0);
            return read;
        }
    }
}
