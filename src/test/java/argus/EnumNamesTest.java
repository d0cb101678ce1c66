package argus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.auth.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumNamesTest {
    @Test
    void constantsAreFoundAsClientsWriteThem() {
        assertEquals(Optional.of(Role.CLIENT_ADMIN), EnumNames.find(Role.class, "client admin"));
        assertEquals(Optional.of(Role.CLIENT_ADMIN), EnumNames.find(Role.class, " CLIENT_ADMIN "));
        assertEquals(Optional.empty(), EnumNames.find(Role.class, "root"));
        assertEquals(Optional.empty(), EnumNames.find(Role.class, ""));
    }
}
