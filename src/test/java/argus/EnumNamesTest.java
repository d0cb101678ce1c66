package argus;

import argus.auth.Role;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnumNamesTest {
    @Test
    void constantsAreFoundAsClientsWriteThem() {
        assertEquals(Optional.of(Role.CLIENT_ADMIN), EnumNames.find(Role.class, "client admin"));
        assertEquals(Optional.of(Role.CLIENT_ADMIN), EnumNames.find(Role.class, " CLIENT_ADMIN "));
        assertEquals(Optional.empty(), EnumNames.find(Role.class, "root"));
        assertEquals(Optional.empty(), EnumNames.find(Role.class, ""));
    }
}
