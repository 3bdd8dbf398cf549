package io.flightdeck.assets.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG: how the camera was held, which phones record instead of turning the pixels. Read
 * from the APP1 segment ahead of the image data, so nothing is decoded; anything unexpected means "as stored" (1).
 */
final class ExifOrientation {

    private static final int SOI = 0xFFD8;
    private static final int APP1 = 0xFFE1;
    private static final int START_OF_SCAN = 0xFFDA;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    static int of(Path jpeg) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
            if (in.readUnsignedShort() != SOI) {
                return 1;
            }
            // Segments up to the image data: marker, then a length that counts itself
            for (int marker = in.readUnsignedShort(); (marker & 0xFF00) == 0xFF00 && marker != START_OF_SCAN;
                    marker = in.readUnsignedShort()) {
                int length = in.readUnsignedShort() - 2;
                if (marker == APP1) {
                    int orientation = orientation(in.readNBytes(length));
                    if (orientation != 0) {
                        return orientation;
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            return 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** The orientation in an APP1 segment, or 0 when it is not EXIF (XMP also lives in APP1) or has none. */
    private static int orientation(byte[] segment) {
        if (segment.length < EXIF_HEADER.length + 8
                || !Arrays.equals(segment, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
            return 0;
        }
        // A TIFF structure follows: byte order, 42, the offset of the first directory (IFD0, where orientation lives)
        ByteBuffer tiff = ByteBuffer.wrap(segment, EXIF_HEADER.length, segment.length - EXIF_HEADER.length).slice();
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (tiff.getShort(2) != 42) {
            return 0;
        }
        int directory = tiff.getInt(4);
        int entries = Short.toUnsignedInt(tiff.getShort(directory));
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION_TAG) {
                int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }
}
