package argus.api;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Gathers the parts of a multipart body on a blocking thread. Stops reading, and refuses the request, as soon as it
 * holds more parts than allowed.
 */
public final class MultipartCollector implements Subscriber<CompletedPart> {
    private final int maxParts;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
    private Subscription subscription;

    private MultipartCollector(int maxParts) {
        this.maxParts = maxParts;
    }

    /** Every part of the body; parts holding files must be discarded by the caller. */
    public static List<CompletedPart> collect(Publisher<CompletedPart> body, int maxParts) {
        MultipartCollector collector = new MultipartCollector(maxParts);
        body.subscribe(collector);
        try {
            return collector.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the upload", e);
        } catch (ExecutionException e) {
            discard(collector.snapshot());
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Frees the parts whose content was not read (reading a part already frees it). */
    public static void discard(List<CompletedPart> parts) {
        for (CompletedPart part : parts) {
            if (part instanceof CompletedFileUpload upload) {
                try {
                    upload.discard();
                } catch (RuntimeException alreadyReleased) {
                    // its content was consumed, which released it
                }
            }
        }
    }

    private synchronized List<CompletedPart> snapshot() {
        return new ArrayList<>(parts);
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(CompletedPart part) {
        parts.add(part);
        if (parts.size() > maxParts && !done.isDone()) {
            subscription.cancel();
            done.completeExceptionally(new ArgusException(
                    ErrorCode.TOO_MANY_PARTS,
                    "a request carries at most %d parts (media files and the payload)".formatted(maxParts)));
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public synchronized void onComplete() {
        done.complete(new ArrayList<>(parts));
    }
}
