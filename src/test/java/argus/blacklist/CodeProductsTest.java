package argus.blacklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD products (the tests run with the vector module, as the launchers do) equal the plain loop's. */
class CodeProductsTest {

    @Test
    void simdAndPlainLoopsAgreeOnEveryLengthAndOffset() {
        assertInstanceOf(VectorCodeProducts.class, CodeProducts.BEST);
        Random random = new Random(3);
        CodeProducts plain = new CodeProducts.Scalar();
        for (int length : new int[] {1, 15, 16, 17, 128, 512, 515}) {
            byte[] codes = new byte[length * 4 + 7];
            byte[] probe = new byte[length];
            random.nextBytes(codes);
            random.nextBytes(probe);
            probe[0] = Byte.MIN_VALUE;
            for (int offset : new int[] {0, 3, length, codes.length - length}) {
                assertEquals(
                        plain.dot(codes, offset, probe),
                        CodeProducts.BEST.dot(codes, offset, probe),
                        "length " + length + " at " + offset);
            }
        }
    }
}
