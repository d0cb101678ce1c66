package argus.vision;

import io.micronaut.core.annotation.Nullable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the format, size and EXIF orientation of a JPEG, PNG or WebP photo from its header alone, so that a
 * decompression bomb is refused before a single pixel is allocated.
 *
 * @param orientation the EXIF orientation tag (1 = upright; 5 to 8 swap width and height)
 */
public record ImageHeader(String format, int width, int height, int orientation) {

    /** Stored width and height as displayed once the EXIF orientation is applied. */
    public int displayWidth() {
        return orientation >= 5 ? height : width;
    }

    public int displayHeight() {
        return orientation >= 5 ? width : height;
    }

    /** Clockwise rotation implied by the orientation tag (mirrored variants report their rotation only). */
    public int rotation() {
        return switch (orientation) {
            case 3, 4 -> 180;
            case 5, 6 -> 90;
            case 7, 8 -> 270;
            default -> 0;
        };
    }

    /** The header of the photo in {@code data}, or null when the data does not start like a supported photo. */
    public static @Nullable ImageHeader read(MediaData data) {
        ByteBuffer head = data.readAt(0, 32);
        if (head.remaining() < 12) {
            return null;
        }
        if ((head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xFF) == 0xD8 && (head.get(2) & 0xFF) == 0xFF) {
            return jpeg(data);
        }
        if (head.getLong(0) == 0x89504E470D0A1A0AL) {
            return png(head);
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return webp(head);
        }
        return null;
    }

    private static ImageHeader png(ByteBuffer head) {
        if (head.remaining() < 24 || !ascii(head, 12, 4).equals("IHDR")) {
            throw MediaRejectedException.corrupt("PNG without a header chunk");
        }
        return new ImageHeader("png", head.getInt(16), head.getInt(20), 1);
    }

    private static ImageHeader webp(ByteBuffer head) {
        if (head.remaining() < 30) {
            throw MediaRejectedException.corrupt("truncated WebP header");
        }
        head.order(ByteOrder.LITTLE_ENDIAN);
        String chunk = ascii(head, 12, 4);
        return switch (chunk) {
            case "VP8 " -> new ImageHeader("webp", head.getShort(26) & 0x3FFF, head.getShort(28) & 0x3FFF, 1);
            case "VP8L" -> {
                int bits = head.getInt(21);
                yield new ImageHeader("webp", (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1, 1);
            }
            case "VP8X" -> new ImageHeader("webp", uint24(head, 24) + 1, uint24(head, 27) + 1, 1);
            default -> throw MediaRejectedException.corrupt("unknown WebP chunk");
        };
    }

    /** Walks the JPEG segments up to the first start-of-frame, picking the EXIF orientation on the way. */
    private static ImageHeader jpeg(MediaData data) {
        long position = 2;
        int orientation = 1;
        long size = data.size();
        while (position + 4 <= size) {
            ByteBuffer marker = data.readAt(position, 4);
            if (marker.remaining() < 4 || (marker.get(0) & 0xFF) != 0xFF) {
                break;
            }
            int type = marker.get(1) & 0xFF;
            int length = marker.getShort(2) & 0xFFFF;
            if (type == 0xFF) {
                position++;
                continue;
            }
            if (isStartOfFrame(type)) {
                ByteBuffer frame = data.readAt(position + 4, 5);
                if (frame.remaining() < 5) {
                    break;
                }
                return new ImageHeader("jpeg", frame.getShort(3) & 0xFFFF, frame.getShort(1) & 0xFFFF, orientation);
            }
            if (type == 0xE1 && length > 16) {
                orientation = exifOrientation(data.readAt(position + 4, Math.min(length - 2, 65533)));
            }
            position += 2 + length;
        }
        throw MediaRejectedException.corrupt("JPEG without a frame header");
    }

    private static boolean isStartOfFrame(int type) {
        return type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
    }

    private static int exifOrientation(ByteBuffer app1) {
        if (app1.remaining() < 14 || !ascii(app1, 0, 4).equals("Exif")) {
            return 1;
        }
        int tiff = 6;
        app1.order(app1.getShort(tiff) == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long ifd = tiff + (app1.getInt(tiff + 4) & 0xFFFFFFFFL);
        if (ifd + 2 > app1.remaining()) {
            return 1;
        }
        int entries = app1.getShort((int) ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > app1.remaining()) {
                return 1;
            }
            if ((app1.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = app1.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static String ascii(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static int uint24(ByteBuffer buffer, int offset) {
        return (buffer.get(offset) & 0xFF)
                | (buffer.get(offset + 1) & 0xFF) << 8
                | (buffer.get(offset + 2) & 0xFF) << 16;
    }
}
