package argus.videodetect;

import argus.ArgusException;
import argus.ErrorCode;
import argus.storage.MediaStore;
import argus.webhook.OutboundHttp;
import argus.webhook.Webhooks;
import jakarta.inject.Singleton;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Fetches a {@code video_url} into the staging area: http(s) only, no loopback or private addresses (unless the
 * outbound-call setting allows them, as for webhooks), no redirects, a time limit, and a size cap counted on the
 * bytes that actually arrive.
 */
@Singleton
public class VideoDownloader {
    static final long MAX_BYTES = 100L * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Webhooks outbound;
    private final MediaStore store;
    private final OutboundHttp http;

    public VideoDownloader(Webhooks outbound, MediaStore store, OutboundHttp http) {
        this.outbound = outbound;
        this.store = store;
        this.http = http;
    }

    public MediaStore.StagedFile fetch(String url) {
        try {
            outbound.checkEndpoint(url);
        } catch (ArgusException refused) {
            throw new ArgusException(
                    ErrorCode.INVALID_VIDEO_INPUT, "video_url is not an allowed address: " + refused.getMessage());
        }
        try (OutboundHttp.Download response = http.get(url, TIMEOUT)) {
            if (response.status() / 100 != 2) {
                throw new ArgusException(ErrorCode.INVALID_VIDEO_INPUT, "video_url answered HTTP " + response.status());
            }
            if (response.declaredLength().orElse(-1) > MAX_BYTES) {
                throw new ArgusException(ErrorCode.INVALID_VIDEO_INPUT, "the video at video_url exceeds 100 MB");
            }
            return store.stageUpload(new Capped(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArgusException(
                    ErrorCode.INVALID_VIDEO_INPUT, "video_url could not be downloaded: " + e.getMessage());
        }
    }

    /** Fails once more than {@link #MAX_BYTES} have been read, whatever the server declared. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new ArgusException(ErrorCode.INVALID_VIDEO_INPUT, "the video at video_url exceeds 100 MB");
            }
        }
    }
}
