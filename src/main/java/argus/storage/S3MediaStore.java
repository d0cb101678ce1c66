package argus.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in an S3-compatible store ({@code ARGUS_STORAGE=s3}), shared by every instance. Uploads are staged and checked
 * on the local disk as with local storage, then stored: one PUT, or a multipart upload above the part size. An object
 * becomes visible only when its upload completes, so a crash never leaves half an object under a key. Downloads
 * stream from the store; the decoders, which need a file, get a temporary local copy.
 */
@Singleton
@Requires(property = "argus.storage.kind", value = "s3")
public class S3MediaStore implements MediaStore {
    private static final int RANGE_NOT_SATISFIABLE = 416;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private final S3Client s3;
    private final String bucket;
    private final long partSize;
    private final StagingArea staging;

    public S3MediaStore(S3Config config, StorageConfig storage) {
        if (config.bucket().isBlank()) {
            throw new IllegalStateException("ARGUS_STORAGE=s3 needs ARGUS_S3_BUCKET");
        }
        if (config.partSize() < 5L * 1024 * 1024) {
            throw new IllegalStateException("ARGUS_S3_PART_SIZE must be at least 5 MB, the smallest part S3 accepts");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(Apache5HttpClient.builder().build())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                // Checksums only where S3 demands them: several S3-compatible stores refuse the newer trailing ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!config.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
        this.partSize = config.partSize();
        this.staging = new StagingArea(storage.dataDir());
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    @Override
    public StagedFile stage(InputStream content) throws IOException {
        return staging.stage(content);
    }

    @Override
    public void commit(StagedFile staged, String key) throws IOException {
        try {
            if (staged.size() > partSize) {
                uploadInParts(staged.path(), staged.size(), key);
            } else {
                s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(staged.path()));
            }
        } catch (S3Exception e) {
            throw new IOException("cannot store " + key + ": " + e.getMessage(), e);
        } finally {
            staging.discard(staged);
        }
    }

    private void uploadInParts(Path file, long size, String key) throws IOException {
        String uploadId = s3.createMultipartUpload(
                        request -> request.bucket(bucket).key(key))
                .uploadId();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                long length = Math.min(partSize, size - offset);
                channel.position(offset);
                InputStream part = Channels.newInputStream(channel);
                String etag = s3.uploadPart(
                                request -> request.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength(length),
                                RequestBody.fromInputStream(part, length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(request ->
                    request.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
        } catch (S3Exception e) {
            throw new IOException("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    /** One GET, ranged when a range is asked for: a video sought in the console is not downloaded from its start again. */
    @Override
    public Slice read(String key, @Nullable ByteRange range) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> content = s3.getObject(
                    request -> request.bucket(bucket).key(key).range(range == null ? null : range.header()));
            GetObjectResponse response = content.response();
            String served = response.contentRange();
            if (served == null) {
                return new Slice(content, 0, response.contentLength() - 1, response.contentLength());
            }
            Matcher bytes = CONTENT_RANGE.matcher(served);
            if (!bytes.matches()) {
                content.close();
                throw new IOException("unreadable Content-Range '" + served + "' for " + key);
            }
            return new Slice(
                    content,
                    Long.parseLong(bytes.group(1)),
                    Long.parseLong(bytes.group(2)),
                    Long.parseLong(bytes.group(3)));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no stored object " + key);
        } catch (S3Exception e) {
            if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
                throw new RangeNotSatisfiable(size(key));
            }
            throw new IOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return read(key, null).content();
    }

    @Override
    public LocalFile fetch(String key) throws IOException {
        Path copy = staging.newFile();
        try (InputStream content = open(key)) {
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LocalFile(copy, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(request -> request.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no stored object " + key);
        } catch (S3Exception e) {
            throw new IOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (S3Exception e) {
            throw new IOException("cannot remove " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void discard(StagedFile staged) {
        staging.discard(staged);
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant instant) {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .filter(object -> object.lastModified().isBefore(instant))
                .map(S3Object::key);
    }

    /** Staged files, and the parts of multipart uploads that an instance began and never completed (a crash). */
    @Override
    public int discardStagedBefore(Instant instant) throws IOException {
        int discarded = staging.discardBefore(instant);
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(request -> request.bucket(bucket))
                .uploads()) {
            if (upload.initiated().isBefore(instant)) {
                s3.abortMultipartUpload(
                        request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                discarded++;
            }
        }
        return discarded;
    }
}
