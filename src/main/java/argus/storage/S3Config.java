package argus.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph), used when {@code argus.storage.kind} is {@code s3}.
 * Credentials come from the standard AWS chain ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, profiles,
 * instance roles), never from this file.
 *
 * @param bucket         the bucket holding the media; it must exist
 * @param endpoint       the store's URL; empty for AWS itself
 * @param region         the signing region
 * @param pathStyle      {@code http://host/bucket/key} addresses instead of {@code http://bucket.host/key} (MinIO, Ceph)
 * @param partSize       objects larger than this are uploaded in parts of this size (S3 allows 5 MB to 5 GB)
 */
@ConfigurationProperties("argus.s3")
public record S3Config(
        @Bindable(defaultValue = "") String bucket,
        @Bindable(defaultValue = "") String endpoint,
        @Bindable(defaultValue = "us-east-1") String region,
        @Bindable(defaultValue = "false") boolean pathStyle,
        @Bindable(defaultValue = "8388608") long partSize) {}
