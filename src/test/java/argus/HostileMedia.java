package argus;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Bad files made on the spot from real media: truncated, corrupted, lying about their size, or not media at all. */
public final class HostileMedia {
    private final Path dir;
    private final Random random = new Random(42);

    public HostileMedia(Path dir) {
        this.dir = dir;
    }

    public Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private byte[] selfie() throws Exception {
        return Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4"));
    }

    public Path encoded(String name, TestVideos.Encoding encoding) throws Exception {
        return TestVideos.encode(
                TestMedia.file("video/selfie-real-3s.mp4"), dir.resolve(name), encoding, -1, 0, 0, 0, 3);
    }

    public Path truncated(Path source, String name, double keep) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        return write(name, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
    }

    /** The clip with its coded pictures replaced by noise; the index (moov) still describes them. */
    public Path noisyPictures() throws Exception {
        byte[] bytes = selfie();
        int mdat = indexOf(bytes, "mdat") + 4;
        int moov = indexOf(bytes, "moov") - 4;
        for (int i = mdat + 64; i < moov; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return write("noise.mp4", bytes);
    }

    /** The clip with its index (moov) overwritten by noise. */
    public Path noisyIndex() throws Exception {
        byte[] bytes = selfie();
        for (int i = indexOf(bytes, "moov") + 8; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return write("noisy-index.mp4", bytes);
    }

    /**
     * The clip declaring ten hours while holding three seconds: its headers say so, and its sample table spaces the
     * 90 frames 400 s apart.
     */
    public Path tenHours() throws Exception {
        byte[] bytes = selfie();
        patchDuration(bytes, "mvhd");
        int mediaTimescale = patchDuration(bytes, "mdhd");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int stts = indexOf(bytes, "stts") + 4;
        int entries = buffer.getInt(stts + 4);
        for (int i = 0; i < entries; i++) {
            buffer.putInt(stts + 8 + i * 8 + 4, mediaTimescale * 400);
        }
        return write("ten-hours.mp4", bytes);
    }

    /** Sets a version-0 movie or media header's duration to ten hours; answers its timescale. */
    private static int patchDuration(byte[] bytes, String box) {
        int at = indexOf(bytes, box) + 4;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int timescale = buffer.getInt(at + 12);
        buffer.putInt(at + 16, timescale * 36_000);
        return timescale;
    }

    /** An AVI whose stream header declares a 100 000 x 100 000 picture. */
    public Path hugeAvi() throws Exception {
        byte[] bytes = Files.readAllBytes(
                encoded("huge-source.avi", new TestVideos.Encoding("avi", "mpeg4", 1_000_000, Map.of())));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int avih = indexOf(bytes, "avih") + 8;
        buffer.putInt(avih + 32, 100_000).putInt(avih + 36, 100_000);
        int strf = indexOf(bytes, "strf") + 8;
        buffer.putInt(strf + 4, 100_000).putInt(strf + 8, 100_000);
        return write("huge.avi", bytes);
    }

    /** An MP4 holding only an audio track. */
    public Path audioOnly() throws Exception {
        Path file = dir.resolve("audio-only.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(16_000);
            recorder.start();
            short[] tone = new short[16_000];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(i * 0.1));
            }
            recorder.recordSamples(16_000, 1, ShortBuffer.wrap(tone));
            recorder.stop();
        }
        return file;
    }

    public byte[] png(int width, int height, boolean withData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", header.array());
        if (withData) {
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00});
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A JPEG that is only a frame header of the given size. */
    public byte[] jpegHeader(int width, int height) {
        ByteBuffer buffer = ByteBuffer.allocate(23);
        buffer.put((byte) 0xFF).put((byte) 0xD8);
        buffer.put((byte) 0xFF)
                .put((byte) 0xC0)
                .putShort((short) 17)
                .put((byte) 8)
                .putShort((short) height)
                .putShort((short) width)
                .put((byte) 3)
                .put(new byte[9]);
        buffer.put((byte) 0xFF).put((byte) 0xD9);
        return buffer.array();
    }

    /** An extended WebP header declaring a 16 384 x 16 384 canvas. */
    public byte[] hugeWebp() {
        ByteBuffer buffer = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(22)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        buffer.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        buffer.put((byte) 0xFF)
                .put((byte) 0x3F)
                .put((byte) 0)
                .put((byte) 0xFF)
                .put((byte) 0x3F)
                .put((byte) 0);
        return buffer.array();
    }

    /** Noise behind a file signature, as a file of that type would start. */
    public byte[] noiseWithPrefix(String signature) {
        byte[] prefix = signature.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = noise(4096);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        return bytes;
    }

    public byte[] noise(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] bytes, String box) {
        byte[] needle = box.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no " + box + " box");
    }
}
