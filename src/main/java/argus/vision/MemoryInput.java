package argus.vision;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FORCE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Lets FFmpeg read a video held in memory, so that no file ever exists. Native callbacks are costly to create and
 * limited in number, so one read and one seek callback serve every input; the opaque pointer FFmpeg passes back
 * carries the input's id.
 */
final class MemoryInput implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final Map<Long, MemoryInput> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1);
    private static final Read READ = new Read();
    private static final Seek SEEK = new Seek();

    private final byte[] bytes;
    private final long id = IDS.getAndIncrement();
    private final AVIOContext context;
    private long position;

    MemoryInput(byte[] bytes) {
        this.bytes = bytes;
        OPEN.put(id, this);
        BytePointer buffer = new BytePointer(av_malloc(BUFFER)).capacity(BUFFER);
        Pointer opaque = new Pointer() {
            {
                address = id;
            }
        };
        this.context = avio_alloc_context(buffer, BUFFER, 0, opaque, READ, null, SEEK);
    }

    AVIOContext context() {
        return context;
    }

    private static final class Read extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            MemoryInput input = OPEN.get(opaque.address());
            if (input == null) {
                return AVERROR_EOF;
            }
            int count = (int) Math.min(size, input.bytes.length - input.position);
            if (count <= 0) {
                return AVERROR_EOF;
            }
            buffer.position(0).put(input.bytes, (int) input.position, count);
            input.position += count;
            return count;
        }
    }

    private static final class Seek extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            MemoryInput input = OPEN.get(opaque.address());
            if (input == null) {
                return -1;
            }
            if (whence == AVSEEK_SIZE) {
                return input.bytes.length;
            }
            long target = switch (whence & ~AVSEEK_FORCE) {
                case 0 -> offset;
                case 1 -> input.position + offset;
                case 2 -> input.bytes.length + offset;
                default -> -1;
            };
            if (target < 0 || target > input.bytes.length) {
                return -1;
            }
            input.position = target;
            return target;
        }
    }

    @Override
    public void close() {
        OPEN.remove(id);
        av_free(context.buffer());
        avio_context_free(context);
    }
}
