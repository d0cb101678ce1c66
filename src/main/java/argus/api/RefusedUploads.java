package argus.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * A request refused while its body is still arriving (413 over the size limit, 429, 401...) is answered with
 * {@code Connection: close}; then the server stops sending, reads and discards what the client still sends (up to
 * {@link #DRAIN_BYTES} or {@link #DRAIN_SECONDS}) and closes. A client that writes its whole body before reading
 * the answer (Python {@code requests}, many SDKs) thus gets the refusal at once instead of waiting for its own
 * time-out, and the refusal is not lost to a connection reset.
 */
final class RefusedUploads extends ChannelDuplexHandler {
    static final long DRAIN_BYTES = 256L * 1024 * 1024;
    static final long DRAIN_SECONDS = 30;

    private boolean bodyArriving;
    private boolean closeAfterResponse;
    private boolean draining;
    private long drained;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (draining) {
            if (msg instanceof HttpContent content) {
                drained += content.content().readableBytes();
            }
            boolean complete = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (complete || drained > DRAIN_BYTES) {
                ctx.close();
            }
            return;
        }
        if (msg instanceof HttpRequest) {
            bodyArriving = true;
        }
        if (msg instanceof LastHttpContent) {
            bodyArriving = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (draining) {
            ctx.read();
            return;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response
                && bodyArriving
                && response.status().code() >= 400) {
            HttpUtil.setKeepAlive(response, false);
            closeAfterResponse = true;
        }
        if (closeAfterResponse && msg instanceof LastHttpContent) {
            ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) written -> drain(ctx));
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (closeAfterResponse && !draining && ctx.channel() instanceof DuplexChannel) {
            promise.setSuccess();
            return;
        }
        ctx.close(promise);
    }

    /** The answer is out: half-close so the client sees it whole, then swallow the rest of its body. */
    private void drain(ChannelHandlerContext ctx) {
        if (draining || !(ctx.channel() instanceof DuplexChannel duplex)) {
            ctx.close();
            return;
        }
        draining = true;
        duplex.shutdownOutput();
        ctx.channel().config().setAutoRead(true);
        ctx.executor().schedule(() -> ctx.close(), DRAIN_SECONDS, TimeUnit.SECONDS);
        ctx.read();
    }
}
