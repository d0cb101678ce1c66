package argus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum constants named as clients write them: any case, spaces for underscores ("client admin", "Declined"). */
public final class EnumNames {
    private EnumNames() {}

    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(wanted))
                .findFirst();
    }
}
