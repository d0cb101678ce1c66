package argus.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Locale;
import java.util.Set;

/**
 * Oz clients send JSON bodies under whatever content type their HTTP library sets: the Oz iOS SDK declares
 * {@code application/x-www-form-urlencoded} on every call, {@code curl -d} does the same, {@code fetch} with a
 * string body says {@code text/plain}, and some send none. An Oz endpoint reads such a body as the JSON it is;
 * multipart uploads and other explicit types are left as they are.
 */
final class JsonBodyContentType extends ChannelInboundHandlerAdapter {
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Set<String> SENT_FOR_JSON = Set.of("", "application/x-www-form-urlencoded", "text/plain");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request
                && WITH_BODY.contains(request.method())
                && ContractPaths.oz(new QueryStringDecoder(request.uri()).path())) {
            String declared = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            String type = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (SENT_FOR_JSON.contains(type)) {
                request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
