package argus.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

/**
 * Puts the service's own HTTP/1 handlers right after the codec of every connection, where they see each request
 * before routing and each response as it leaves: {@link JsonBodyContentType} and {@link RefusedUploads}.
 */
@Singleton
class HttpPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String CONTENT_TYPE_HANDLER = "argus-json-content-type";
    private static final String REFUSED_UPLOADS_HANDLER = "argus-refused-upload";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    private record PerConnection(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(REFUSED_UPLOADS_HANDLER) == null) {
                channel.pipeline()
                        .addAfter(
                                ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                                REFUSED_UPLOADS_HANDLER,
                                new RefusedUploads());
                channel.pipeline()
                        .addAfter(
                                ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                                CONTENT_TYPE_HANDLER,
                                new JsonBodyContentType());
            }
        }
    }
}
