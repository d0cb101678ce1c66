package argus.vision;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Range;

/**
 * A video container opened with FFmpeg. Only whitelisted demuxers and the local file protocol are allowed, so a
 * playlist or a crafted container cannot make the decoder reach the network or other files. Frames are converted to
 * BGR only when they are kept, and decoding stops as soon as the last sample is taken.
 */
public final class VideoSource implements MediaSource {
    static final String CONTAINERS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi";
    private static final int MAX_DAMAGED_FRAMES = 50;
    private static final double TRUNCATION_TOLERANCE_SECONDS = 0.5;
    private static final int SPARSE_FRAMES = 3;

    private final MediaLimits limits;
    private final MemoryInput memory;
    private final AVFormatContext format;
    private final AVStream stream;
    private final MediaInfo info;

    VideoSource(MediaData data, MediaLimits limits) {
        this.limits = limits;
        this.memory = data instanceof MediaData.InMemory inMemory ? new MemoryInput(inMemory.bytes()) : null;
        try {
            this.format = open(data, memory);
        } catch (RuntimeException e) {
            closeMemory();
            throw e;
        }
        try {
            int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (index < 0) {
                throw MediaRejectedException.unsupported("the file holds no video stream");
            }
            this.stream = format.streams(index);
            checkDimensions(stream.codecpar());
            if (avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
                throw MediaRejectedException.corrupt("the video's streams cannot be read");
            }
            checkDimensions(stream.codecpar());
            this.info = describe(data);
            if (info.durationSeconds() != null && info.durationSeconds() > limits.maxVideoDurationSeconds()) {
                throw MediaRejectedException.limitExceeded("video of %.0f s exceeds the limit of %.0f s"
                        .formatted(info.durationSeconds(), limits.maxVideoDurationSeconds()));
            }
        } catch (RuntimeException e) {
            avformat_close_input(format);
            closeMemory();
            throw e;
        }
    }

    /** Opens the container, from the file or, for memory, through custom I/O (FFmpeg frees the context on failure). */
    private static AVFormatContext open(MediaData data, MemoryInput memory) {
        AVFormatContext context = memory == null ? new AVFormatContext(null) : avformat_alloc_context();
        String url = null;
        if (memory != null) {
            context.pb(memory.context());
        } else {
            url = ((MediaData.InFile) data).path().toAbsolutePath().toString();
        }
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "format_whitelist", CONTAINERS, 0);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        try {
            if (avformat_open_input(context, url, null, options) < 0) {
                throw looksLikeVideoContainer(data)
                        ? MediaRejectedException.corrupt("the video container is damaged or truncated")
                        : MediaRejectedException.unsupported(
                                "not a photo or a video in a supported format (mp4, mov, webm, mkv, avi, jpeg, png, webp)");
            }
            return context;
        } finally {
            av_dict_free(options);
        }
    }

    /** ISO-BMFF (mp4, mov), EBML (mkv, webm) or RIFF AVI signatures: a file that claims to be a video. */
    private static boolean looksLikeVideoContainer(MediaData data) {
        ByteBuffer start = data.readAt(0, 12);
        if (start.remaining() < 12) {
            return false;
        }
        byte[] head = new byte[12];
        start.get(head);
        String box = new String(head, 4, 4, StandardCharsets.US_ASCII);
        boolean isoMedia =
                Set.of("ftyp", "moov", "mdat", "free", "wide", "skip").contains(box);
        boolean ebml = (head[0] & 0xFF) == 0x1A
                && (head[1] & 0xFF) == 0x45
                && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3;
        boolean avi = new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("AVI ");
        return isoMedia || ebml || avi;
    }

    private void checkDimensions(AVCodecParameters parameters) {
        long pixels = (long) parameters.width() * parameters.height();
        if (pixels > limits.maxVideoPixels()) {
            throw MediaRejectedException.limitExceeded("video of %dx%d exceeds the limit of %d pixels per frame"
                    .formatted(parameters.width(), parameters.height(), limits.maxVideoPixels()));
        }
    }

    private MediaInfo describe(MediaData data) {
        AVCodecParameters parameters = stream.codecpar();
        if (parameters.width() <= 0 || parameters.height() <= 0) {
            throw MediaRejectedException.corrupt("the video declares no picture size");
        }
        int rotation = rotation(parameters);
        boolean sideways = rotation == 90 || rotation == 270;
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        Double fps = rate.num() > 0 && rate.den() > 0 ? av_q2d(rate) : null;
        Double declared = declaredDuration(durationSeconds(), fps);
        Double duration = declared != null ? declared : scannedDuration(data);
        Long frames = null;
        if (stream.nb_frames() > 0) {
            frames = stream.nb_frames();
        } else if (fps != null && duration != null) {
            frames = Math.round(fps * duration);
        }
        return new MediaInfo(
                MediaKind.VIDEO,
                format.iformat().name().getString(),
                avcodec_get_name(parameters.codec_id()).getString(),
                sideways ? parameters.height() : parameters.width(),
                sideways ? parameters.width() : parameters.height(),
                duration,
                fps,
                rotation,
                frames);
    }

    /**
     * The longer of the measured duration and the one the frame count declares: a container whose index was cut off
     * (an AVI without its idx1) gets a duration FFmpeg estimates from the bytes that arrived, while its header still
     * counts every frame recorded, and the difference is what shows the file was truncated.
     */
    private Double declaredDuration(Double measured, Double fps) {
        if (stream.nb_frames() <= 0 || fps == null) {
            return measured;
        }
        double byFrameCount = stream.nb_frames() / fps;
        return measured == null ? byFrameCount : Math.max(measured, byFrameCount);
    }

    /**
     * The length of a container that declares none (a browser's MediaRecorder writes WebM without one), from the last
     * packet of the video stream: the packets are read once, without decoding, from a second opening of the data.
     * Without it the samples could not be spread over the clip, and the duration limit could not hold.
     */
    private Double scannedDuration(MediaData data) {
        MemoryInput scanMemory = data instanceof MediaData.InMemory inMemory ? new MemoryInput(inMemory.bytes()) : null;
        AVFormatContext scan = null;
        AVPacket packet = av_packet_alloc();
        try {
            scan = open(data, scanMemory);
            long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
            long end = AV_NOPTS_VALUE;
            while (av_read_frame(scan, packet) >= 0) {
                try {
                    long time = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if (packet.stream_index() == stream.index() && time != AV_NOPTS_VALUE) {
                        end = Math.max(end, time + Math.max(0, packet.duration()));
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            return end == AV_NOPTS_VALUE || end <= start ? null : (end - start) * av_q2d(stream.time_base());
        } finally {
            av_packet_free(packet);
            if (scan != null) {
                avformat_close_input(scan);
            }
            if (scanMemory != null) {
                scanMemory.close();
            }
        }
    }

    private Double durationSeconds() {
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * av_q2d(stream.time_base());
        }
        if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            return format.duration() / (double) AV_TIME_BASE;
        }
        return null;
    }

    /** Clockwise degrees to display upright, from the display matrix (which stores the counter-clockwise angle). */
    private static int rotation(AVCodecParameters parameters) {
        AVPacketSideData side = av_packet_side_data_get(
                parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (side == null || side.isNull() || side.size() < 36) {
            return 0;
        }
        double degrees = -av_display_rotation_get(new IntPointer(side.data()));
        if (Double.isNaN(degrees)) {
            return 0;
        }
        int quarter = (int) Math.round(degrees / 90.0);
        return Math.floorMod(quarter * 90, 360);
    }

    @Override
    public MediaInfo info() {
        return info;
    }

    @Override
    public FrameSeries sample(int count) {
        return new Cursor(sampleTimes(count));
    }

    @Override
    public FrameSeries preview() {
        return new Cursor(new double[] {Double.NEGATIVE_INFINITY});
    }

    /**
     * One forward decoding pass. The first frame at or after each sample time is kept as a reference to the decoded
     * picture (no copy) and converted to BGR only when asked for, so samples nobody looks at cost nothing but their
     * decoding; decoding itself stops at the sample asked for. Every method holds the cursor's lock, so closing waits
     * for a decoding step in progress and the native state is never touched by two threads at once.
     */
    private final class Cursor implements FrameSeries {
        private final double[] targets;
        private final List<Sample> kept = new ArrayList<>();
        private final AVCodecContext decoder;
        private final AVPacket packet;
        private final AVFrame picture;
        private SwsContext scaler;
        private int decoded;
        private int damaged;
        private double lastTime = Double.NEGATIVE_INFINITY;
        private boolean ended;
        private boolean closed;

        /** A kept picture: the decoder's frame until converted, then the BGR frame. */
        private static final class Sample {
            private final int index;
            private final double time;
            private AVFrame decoded;
            private Frame converted;

            Sample(int index, double time, AVFrame decoded) {
                this.index = index;
                this.time = time;
                this.decoded = decoded;
            }
        }

        Cursor(double[] targets) {
            this.targets = targets;
            this.decoder = openDecoder(targets.length);
            this.packet = av_packet_alloc();
            this.picture = av_frame_alloc();
        }

        @Override
        public MediaInfo info() {
            return info;
        }

        @Override
        public int size() {
            return targets.length;
        }

        @Override
        public synchronized Frame frame(int index) {
            if (closed) {
                throw new IllegalStateException("the frame series is closed");
            }
            while (kept.size() <= index && !ended && decoded < limits.maxDecodedFrames()) {
                step();
            }
            if (kept.size() <= index) {
                checkShortfall(index);
                return converted(kept.getLast());
            }
            return converted(kept.get(index));
        }

        private Frame converted(Sample sample) {
            if (sample.converted == null) {
                AVFrame source = sample.decoded;
                scaler = sws_getCachedContext(
                        scaler,
                        source.width(),
                        source.height(),
                        source.format(),
                        scaledWidth(source),
                        scaledHeight(source),
                        AV_PIX_FMT_BGR24,
                        SWS_AREA,
                        null,
                        null,
                        (DoublePointer) null);
                sample.converted = new Frame(sample.index, sample.time, toBgr(source, scaler));
                av_frame_free(source);
                sample.decoded = null;
            }
            return sample.converted;
        }

        /** Receives one frame from the decoder, or feeds it one packet. */
        private void step() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("decoding interrupted");
            }
            int received = avcodec_receive_frame(decoder, picture);
            if (received == 0) {
                lastTime = timestamp(picture, decoded);
                if (lastTime >= targets[kept.size()]) {
                    kept.add(new Sample(decoded, lastTime, av_frame_clone(picture)));
                }
                decoded++;
            } else if (received == AVERROR_EOF) {
                ended = true;
            } else if (received != AVERROR_EAGAIN()) {
                if (++damaged > MAX_DAMAGED_FRAMES) {
                    throw MediaRejectedException.corrupt("the video stream is damaged");
                }
            } else if (!feed(decoder, packet)) {
                avcodec_send_packet(decoder, null);
            }
        }

        /**
         * The frames ran out before sample {@code index}: an empty or truncated video is refused; one that ends just
         * short of its declared length gives its last sample again.
         */
        private void checkShortfall(int index) {
            if (kept.isEmpty()) {
                throw MediaRejectedException.corrupt("no frame of the video could be decoded");
            }
            if (info.durationSeconds() != null && lastTime < targets[index] - TRUNCATION_TOLERANCE_SECONDS) {
                throw MediaRejectedException.truncated("the video's frames end at %.1f s although it declares %.1f s"
                        .formatted(Math.max(0, lastTime), info.durationSeconds()));
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            for (Sample sample : kept) {
                if (sample.converted != null) {
                    sample.converted.image().close();
                }
                av_frame_free(sample.decoded);
            }
            sws_freeContext(scaler);
            av_frame_free(picture);
            av_packet_free(packet);
            avcodec_free_context(decoder);
        }
    }

    /** Sends the next packet of the video stream to the decoder; false at the end of the container. */
    private boolean feed(AVCodecContext decoder, AVPacket packet) {
        while (av_read_frame(format, packet) >= 0) {
            try {
                if (packet.stream_index() == stream.index()) {
                    avcodec_send_packet(decoder, packet);
                    return true;
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        return false;
    }

    /**
     * A decoder for the stream. Frames nothing else refers to (B-frames) are skipped when the samples lie several
     * frames apart, which saves decoding work without costing a sample; samples as dense as the frames themselves (30
     * from a one-second clip) need every frame.
     */
    private AVCodecContext openDecoder(int samples) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw MediaRejectedException.unsupported("no decoder for the video codec " + info.codec());
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(decoder, stream.codecpar());
        decoder.thread_count(limits.decoderThreads());
        decoder.max_pixels(limits.maxVideoPixels());
        if (limits.skipNonReferenceFrames() && samplesSparse(samples)) {
            decoder.skip_frame(AVDISCARD_NONREF);
        }
        decoder.pkt_timebase(stream.time_base());
        if (avcodec_open2(decoder, codec, (AVDictionary) null) < 0) {
            avcodec_free_context(decoder);
            throw MediaRejectedException.corrupt("the video decoder cannot be opened");
        }
        return decoder;
    }

    /**
     * Sample times spread evenly over the clip (the middle of each of {@code count} equal slices), so that the samples
     * see the whole recording. Without a known duration, the first frames are taken.
     */
    private double[] sampleTimes(int count) {
        double[] targets = new double[Math.max(1, count)];
        Double duration = info.durationSeconds();
        for (int i = 0; i < targets.length; i++) {
            targets[i] = duration == null ? 0 : duration * (i + 0.5) / targets.length;
        }
        return targets;
    }

    /** At least {@link #SPARSE_FRAMES} frames of the clip per sample (an unknown clip is taken as sparse). */
    private boolean samplesSparse(int samples) {
        Double duration = info.durationSeconds();
        Double fps = info.fps();
        return duration == null || fps == null || duration * fps >= SPARSE_FRAMES * samples;
    }

    private double timestamp(AVFrame picture, int decodedSoFar) {
        long pts = picture.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            Double fps = info.fps();
            return fps == null ? decodedSoFar : decodedSoFar / fps;
        }
        long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        return (pts - start) * av_q2d(stream.time_base());
    }

    private double scale(AVFrame picture) {
        int longSide = Math.max(picture.width(), picture.height());
        return Math.min(1.0, (double) limits.maxFrameSide() / longSide);
    }

    private int scaledWidth(AVFrame picture) {
        return Math.max(2, (int) Math.round(picture.width() * scale(picture)));
    }

    private int scaledHeight(AVFrame picture) {
        return Math.max(2, (int) Math.round(picture.height() * scale(picture)));
    }

    /**
     * Converts through a buffer with spare rows: swscale's vectorised writers may store a few bytes past the end of
     * the last row, which must not land outside the allocation.
     */
    private Mat toBgr(AVFrame picture, SwsContext scaler) {
        int height = scaledHeight(picture);
        Mat bgr;
        try (Mat padded = new Mat(height + 2, scaledWidth(picture), CV_8UC3);
                PointerPointer<?> destination = new PointerPointer<>(padded.data(), null, null, null);
                IntPointer stride = new IntPointer((int) padded.step(), 0, 0, 0);
                Range rows = new Range(0, height)) {
            sws_scale(scaler, picture.data(), picture.linesize(), 0, picture.height(), destination, stride);
            bgr = new Mat(padded, rows);
        }
        return upright(bgr);
    }

    private Mat upright(Mat bgr) {
        int code = switch (info.rotation()) {
            case 90 -> ROTATE_90_CLOCKWISE;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_90_COUNTERCLOCKWISE;
            default -> -1;
        };
        if (code < 0) {
            return bgr;
        }
        Mat rotated = new Mat();
        rotate(bgr, rotated, code);
        bgr.close();
        return rotated;
    }

    @Override
    public void close() {
        avformat_close_input(format);
        closeMemory();
    }

    private void closeMemory() {
        if (memory != null) {
            memory.close();
        }
    }
}
