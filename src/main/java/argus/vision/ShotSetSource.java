package argus.vision;

import argus.ErrorCode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A shot set: a ZIP archive of JPEG or PNG frames, taken in name order (numbers in names compare as numbers, so
 * {@code frame_2} comes before {@code frame_10}). Opening reads the archive once, checking every entry before any
 * pixel is decoded: entry names must be plain relative paths, archives inside it are refused, every entry must be a
 * frame within the frame limits, and the inflated size (in total and against the compressed size) is bounded, so a
 * ZIP bomb is stopped while it inflates. Sampling reads the archive again and decodes only the frames it keeps.
 */
public final class ShotSetSource implements MediaSource {
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int EMPTY_ARCHIVE = 0x06054b50;
    /** Below this many inflated bytes the compression ratio is not judged: tiny entries compress oddly. */
    private static final long RATIO_FLOOR_BYTES = 1 << 20;

    private static final Set<String> ARCHIVE_SUFFIXES =
            Set.of(".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz", ".jar");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final MediaData data;
    private final MediaLimits limits;
    private final List<String> frames;
    private final MediaInfo info;

    ShotSetSource(MediaData data, MediaLimits limits) {
        this.data = data;
        this.limits = limits;
        Map<String, ImageHeader> headers = scan();
        if (headers.isEmpty()) {
            throw new MediaRejectedException(ErrorCode.EMPTY_SHOT_SET, "the shot set holds no frames");
        }
        this.frames = headers.keySet().stream().sorted(NAME_ORDER).toList();
        ImageHeader first = headers.get(frames.getFirst());
        String codec =
                headers.values().stream().map(ImageHeader::format).distinct().count() == 1 ? first.format() : "mixed";
        this.info = new MediaInfo(
                MediaKind.SHOTS,
                "zip",
                codec,
                first.displayWidth(),
                first.displayHeight(),
                null,
                null,
                first.rotation(),
                (long) frames.size());
    }

    /** Whether the data starts like a ZIP archive. */
    static boolean isZip(MediaData data) {
        ByteBuffer head = data.readAt(0, 4).order(ByteOrder.LITTLE_ENDIAN);
        if (head.remaining() < 4) {
            return false;
        }
        int signature = head.getInt(0);
        return signature == LOCAL_HEADER || signature == EMPTY_ARCHIVE;
    }

    @Override
    public MediaInfo info() {
        return info;
    }

    /** {@code count} frames spread evenly over the set (the middle of each of {@code count} equal slices). */
    @Override
    public FrameSeries sample(int count) {
        int kept = Math.max(1, Math.min(count, frames.size()));
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < kept; i++) {
            wanted.putIfAbsent(frames.get((int) ((i + 0.5) * frames.size() / kept)), wanted.size());
        }
        return decode(wanted);
    }

    @Override
    public FrameSeries preview() {
        return decode(Map.of(frames.getFirst(), 0));
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    /**
     * Decodes the named frames (each at its position in the series), in one pass over the archive; a frame's index is
     * its place in name order.
     */
    private FrameSeries decode(Map<String, Integer> wanted) {
        Frame[] decoded = new Frame[wanted.size()];
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            order.put(frames.get(i), i);
        }
        try {
            readEntries((name, bytes) -> {
                Integer position = wanted.get(name);
                if (position != null) {
                    MediaData frame = new MediaData.InMemory(bytes);
                    // the photo's series holds nothing but its frame, whose picture the shot set's series now owns
                    decoded[position] = new Frame(
                            order.get(name),
                            0,
                            new ImageSource(frame, ImageHeader.read(frame), limits)
                                    .sample(1)
                                    .frame(0)
                                    .image());
                }
            });
        } catch (RuntimeException e) {
            for (Frame frame : decoded) {
                if (frame != null) {
                    frame.image().close();
                }
            }
            throw e;
        }
        return new DecodedMedia(info, List.of(decoded));
    }

    /** Reads and checks every entry: what {@link #readEntries} checks, plus that each is a frame within the limits. */
    private Map<String, ImageHeader> scan() {
        Map<String, ImageHeader> headers = new HashMap<>();
        readEntries((name, bytes) -> {
            if (headers.size() >= limits.maxShotFrames()) {
                throw MediaRejectedException.limitExceeded(
                        "the shot set holds more than %d frames".formatted(limits.maxShotFrames()));
            }
            ImageHeader header = frameHeader(name, bytes);
            long pixels = (long) header.width() * header.height();
            if (header.width() <= 0 || header.height() <= 0 || pixels > limits.maxVideoPixels()) {
                throw MediaRejectedException.limitExceeded(
                        "frame '%s' of %dx%d is empty or exceeds the limit of %d pixels"
                                .formatted(shown(name), header.width(), header.height(), limits.maxVideoPixels()));
            }
            headers.put(name, header);
        });
        return headers;
    }

    private static ImageHeader frameHeader(String name, byte[] bytes) {
        ImageHeader header = ImageHeader.read(new MediaData.InMemory(bytes));
        if (header == null
                || !(header.format().equals("jpeg") || header.format().equals("png"))) {
            throw MediaRejectedException.unsupported(
                    "entry '%s' of the shot set is not a JPEG or PNG frame".formatted(shown(name)));
        }
        return header;
    }

    private interface EntryConsumer {
        void accept(String name, byte[] bytes);
    }

    /**
     * Every file entry of the archive with its inflated bytes, in archive order. Refuses unsafe names, nested
     * archives, repeated names, and inflation beyond the total size or the compression-ratio limit.
     */
    private void readEntries(EntryConsumer consumer) {
        CountingInput counted = new CountingInput(data.open());
        Set<String> seen = new HashSet<>();
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(counted, 64 * 1024))) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = checkedName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (!seen.add(name)) {
                    throw MediaRejectedException.corrupt("the shot set holds '%s' twice".formatted(shown(name)));
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    inflated += read;
                    checkInflation(inflated, counted.count());
                    bytes.write(buffer, 0, read);
                }
                byte[] content = bytes.toByteArray();
                if (isArchive(content)) {
                    throw nested(name);
                }
                consumer.accept(name, content);
            }
        } catch (ZipException | EOFException e) {
            throw MediaRejectedException.corrupt("the shot set is not a readable ZIP archive");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shot set", e);
        }
    }

    private void checkInflation(long inflated, long compressed) {
        if (inflated > limits.maxShotSetBytes()) {
            throw MediaRejectedException.limitExceeded(
                    "the shot set inflates beyond %d bytes".formatted(limits.maxShotSetBytes()));
        }
        if (inflated > RATIO_FLOOR_BYTES && inflated > limits.maxCompressionRatio() * Math.max(1, compressed)) {
            throw new MediaRejectedException(
                    ErrorCode.ZIP_BOMB,
                    "the shot set inflates more than %d times its compressed size"
                            .formatted(limits.maxCompressionRatio()));
        }
    }

    /** A plain relative path: no {@code ..} segment, no absolute path or drive, no archive inside the archive. */
    private static String checkedName(String name) {
        String normalized = name.replace('\\', '/');
        boolean unsafe = normalized.isEmpty()
                || normalized.startsWith("/")
                || DRIVE.matcher(normalized).matches()
                || normalized.indexOf('\0') >= 0
                || List.of(normalized.split("/")).contains("..");
        if (unsafe) {
            throw new MediaRejectedException(
                    ErrorCode.UNSAFE_ENTRY_NAME,
                    "the shot set holds an entry with an unsafe name '%s'".formatted(shown(name)));
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            throw nested(name);
        }
        return normalized;
    }

    private static MediaRejectedException nested(String name) {
        return new MediaRejectedException(
                ErrorCode.NESTED_ARCHIVE,
                "entry '%s' of the shot set is an archive; frames must be stored directly".formatted(shown(name)));
    }

    /** ZIP, gzip, 7-Zip and RAR signatures. */
    private static boolean isArchive(byte[] content) {
        if (content.length < 4) {
            return false;
        }
        int b0 = content[0] & 0xFF;
        int b1 = content[1] & 0xFF;
        return b0 == 'P' && b1 == 'K' && (content[2] == 3 || content[2] == 5 || content[2] == 7)
                || b0 == 0x1F && b1 == 0x8B
                || b0 == '7' && b1 == 'z' && (content[2] & 0xFF) == 0xBC
                || b0 == 'R' && b1 == 'a' && content[2] == 'r' && content[3] == '!';
    }

    private static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 61) + "...";
    }

    /** Name order, with runs of digits compared by their value. */
    private static final Comparator<String> NAME_ORDER = (a, b) -> {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ia < a.length() && ib < b.length()) {
            boolean da = ma.find(ia) && ma.start() == ia;
            boolean db = mb.find(ib) && mb.start() == ib;
            if (da && db) {
                int byValue = new BigInteger(ma.group()).compareTo(new BigInteger(mb.group()));
                if (byValue != 0) {
                    return byValue;
                }
                ia = ma.end();
                ib = mb.end();
            } else {
                int byChar = Character.compare(a.charAt(ia), b.charAt(ib));
                if (byChar != 0) {
                    return byChar;
                }
                ia++;
                ib++;
            }
        }
        int byRest = Integer.compare(a.length() - ia, b.length() - ib);
        return byRest != 0 ? byRest : a.compareTo(b);
    };

    /** Counts the compressed bytes the inflater has taken. */
    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int read = super.read(target, offset, length);
            count += Math.max(0, read);
            return read;
        }
    }
}
