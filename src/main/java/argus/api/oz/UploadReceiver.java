package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.ApiConfig;
import argus.api.JsonPayloadReader;
import argus.api.MultipartCollector;
import argus.storage.MediaStore;
import argus.vision.MediaData;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the parts of an Oz upload into staged files and the parsed {@code payload}. Part names become media keys,
 * so they are restricted to a safe alphabet; file names are reduced to their last path segment. Text parts other
 * than {@code payload} carry no media and are ignored.
 */
@Singleton
class UploadReceiver {
    static final String PAYLOAD = "payload";
    private static final Pattern MEDIA_KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}");

    private final MediaStore store;
    private final JsonPayloadReader reader;
    private final ApiConfig config;

    UploadReceiver(MediaStore store, JsonPayloadReader reader, ApiConfig config) {
        this.store = store;
        this.reader = reader;
        this.config = config;
    }

    record Upload(Map<String, Object> payload, List<ReceivedFile> files) {}

    /**
     * Reads a multipart body, stages its files and hands the upload to {@code work}; afterwards every staged copy not
     * committed by the work and every part not consumed is freed, whatever happened.
     */
    <T> T handle(MultipartBody body, Function<Upload, T> work) {
        List<CompletedPart> parts = MultipartCollector.collect(body, config.maxMediaPerRequest() + 1);
        try {
            Upload upload = receive(parts);
            try {
                return work.apply(upload);
            } finally {
                discard(upload.files());
            }
        } finally {
            MultipartCollector.discard(parts);
        }
    }

    /** Stages the files; on any refusal the files staged so far are discarded before the error propagates. */
    private Upload receive(List<CompletedPart> parts) {
        Map<String, Object> payload = Map.of();
        List<ReceivedFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (CompletedPart part : parts) {
                String name = part.getName();
                if (!names.add(name)) {
                    throw new ArgusException(
                            ErrorCode.DUPLICATE_PART,
                            "the part name '%s' appears twice".formatted(ArgusException.clip(name)));
                }
                if (PAYLOAD.equals(name)) {
                    payload = reader.readObject(bytes(part), "the payload part");
                } else if (part instanceof CompletedFileUpload upload) {
                    checkMediaKey(name);
                    MediaStore.StagedFile staged = stage(upload);
                    files.add(new ReceivedFile(
                            name, fileName(upload.getFilename(), name), new MediaData.InFile(staged.path()), staged));
                }
                // any other text part is not media: real clients send empty or placeholder fields, which are ignored
            }
            return new Upload(payload, files);
        } catch (RuntimeException e) {
            discard(files);
            throw e;
        }
    }

    private static byte[] bytes(CompletedPart part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the payload part", e);
        }
    }

    /** Part names become media keys: a safe alphabet only. */
    static void checkMediaKey(String name) {
        if (!MEDIA_KEY.matcher(name).matches()) {
            throw new ArgusException(
                    ErrorCode.INVALID_MEDIA_KEY,
                    ("the part name '%s' is not a valid media key " + "(letters, digits, '_', '-', '.', at most 64)")
                            .formatted(ArgusException.clip(name)));
        }
    }

    private void discard(List<ReceivedFile> files) {
        files.stream().filter(file -> file.staged() != null).forEach(file -> store.discard(file.staged()));
    }

    private MediaStore.StagedFile stage(CompletedFileUpload upload) {
        try (InputStream in = upload.getInputStream()) {
            return store.stage(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the upload", e);
        }
    }

    /** The client's file name without any directory part or control characters; the part name when there is none. */
    static String fileName(String filename, String fallback) {
        if (filename == null) {
            return fallback;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .trim();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return fallback;
        }
        return base.length() <= 255 ? base : base.substring(base.length() - 255);
    }
}
