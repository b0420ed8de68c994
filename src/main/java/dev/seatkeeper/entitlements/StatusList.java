package dev.seatkeeper.entitlements;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.Deflater;

/**
 * The {@code lst} of a Token Status List (IETF OAuth "Token Status List" draft, {@code bits} 1): one bit per index,
 * index 0 the least significant bit of the first byte, set when the seat behind the index is revoked; the bytes
 * compressed with DEFLATE in the zlib format (RFC 1950) and base64url-encoded without padding.
 */
final class StatusList {
    /** Lists are padded to whole blocks of this many bytes, so their length says little about an organization. */
    static final int BLOCK_BYTES = 16;

    private StatusList() {}

    /**
     * @param length how many indexes were handed out (bits beyond are zero)
     * @param revoked the indexes whose bit is set, each below {@code length}
     * @return the encoded {@code lst}
     */
    static String encode(int length, Collection<Integer> revoked) {
        int bytes = Math.max(1, (length + 7) / 8);
        bytes = ((bytes + BLOCK_BYTES - 1) / BLOCK_BYTES) * BLOCK_BYTES;
        byte[] bits = new byte[bytes];
        for (int index : revoked) {
            bits[index / 8] |= (byte) (1 << (index % 8));
        }
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bits);
            deflater.finish();
            var out = new ByteArrayOutputStream(64 + bytes / 8);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
