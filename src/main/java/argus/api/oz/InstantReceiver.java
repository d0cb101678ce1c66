package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.ApiConfig;
import argus.api.JsonPayloadReader;
import argus.vision.MediaData;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpData;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Instant-mode upload entirely in memory: the raw multipart body is split by Netty's decoder with a
 * memory-only data factory, so no part is ever spooled to a temporary file.
 */
@Singleton
class InstantReceiver {
    private final JsonPayloadReader reader;
    private final ApiConfig config;

    InstantReceiver(JsonPayloadReader reader, ApiConfig config) {
        this.reader = reader;
        this.config = config;
    }

    UploadReceiver.Upload receive(byte[] body, String contentType) {
        FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/", Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request);
        } catch (RuntimeException e) {
            throw new ArgusException(ErrorCode.MALFORMED_MULTIPART, "the body is not valid multipart/form-data");
        }
        try {
            List<InterfaceHttpData> parts = decoder.getBodyHttpDatas();
            if (parts.size() > config.maxMediaPerRequest() + 1) {
                throw new ArgusException(
                        ErrorCode.TOO_MANY_PARTS,
                        "a request carries at most %d parts (media files and the payload)"
                                .formatted(config.maxMediaPerRequest() + 1));
            }
            Map<String, Object> payload = Map.of();
            List<ReceivedFile> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (InterfaceHttpData part : parts) {
                String name = part.getName();
                if (!names.add(name)) {
                    throw new ArgusException(
                            ErrorCode.DUPLICATE_PART,
                            "the part name '%s' appears twice".formatted(ArgusException.clip(name)));
                }
                if (UploadReceiver.PAYLOAD.equals(name)) {
                    payload = reader.readObject(((HttpData) part).get(), "the payload part");
                } else if (part instanceof FileUpload upload) {
                    UploadReceiver.checkMediaKey(name);
                    byte[] bytes = upload.get();
                    if (bytes.length > 0) {
                        files.add(new ReceivedFile(
                                name,
                                UploadReceiver.fileName(upload.getFilename(), name),
                                new MediaData.InMemory(bytes),
                                null));
                    }
                }
            }
            return new UploadReceiver.Upload(payload, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw new ArgusException(ErrorCode.MALFORMED_MULTIPART, "the body is not valid multipart/form-data");
        } finally {
            decoder.destroy();
            request.release();
        }
    }
}
