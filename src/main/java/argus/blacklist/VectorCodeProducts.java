package argus.blacklist;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * 16 codes at a time: widened to shorts (a product of two codes fits one), multiplied, widened again to ints and
 * summed lane by lane; the lanes are added up once per face. Loaded only when the vector module is present.
 */
final class VectorCodeProducts extends CodeProducts {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;

    @Override
    int dot(byte[] codes, int offset, byte[] probe) {
        IntVector sums = IntVector.zero(INTS);
        int j = 0;
        for (int bound = BYTES.loopBound(probe.length); j < bound; j += BYTES.length()) {
            ShortVector face = (ShortVector)
                    ByteVector.fromArray(BYTES, codes, offset + j).convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector wanted =
                    (ShortVector) ByteVector.fromArray(BYTES, probe, j).convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector products = face.mul(wanted);
            sums = sums.add(products.convertShape(VectorOperators.S2I, INTS, 0))
                    .add(products.convertShape(VectorOperators.S2I, INTS, 1));
        }
        int sum = sums.reduceLanes(VectorOperators.ADD);
        for (; j < probe.length; j++) {
            sum += codes[offset + j] * probe[j];
        }
        return sum;
    }
}
