package cn.luoshi.org;

import java.nio.file.Path;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.org.internal.InitialPassword;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No fixed default password: without LUOSHI_ADMIN_PASSWORD each installation gets its own random one. */
class InitialPasswordTest {

    @Test
    void usesTheConfiguredPassword() {
        var properties = new LuoshiProperties(Path.of("data"), "Configured2026", null, null, null);
        assertThat(newInitialPassword(properties).value()).isEqualTo("Configured2026");
    }

    @Test
    void generatesAStrongPasswordOncePerStartWhenNoneIsConfigured() {
        var properties = new LuoshiProperties(Path.of("data"), "", null, null, null);
        InitialPassword first = newInitialPassword(properties);
        String password = first.value();
        assertThat(password).hasSize(16).matches(".*[0-9].*").matches(".*[A-Za-z].*");
        assertThat(first.value()).isEqualTo(password);
        assertThat(newInitialPassword(properties).value()).isNotEqualTo(password);
    }

    private static InitialPassword newInitialPassword(LuoshiProperties properties) {
        return new InitialPassword(properties);
    }

    @Test
    void demoUsersGetTheirOwnPasswordNeverTheAdmins() {
        var configured = new LuoshiProperties(Path.of("data"), "Configured2026", null, null, "DemoOnly2026");
        assertThat(newInitialPassword(configured).demoValue()).isEqualTo("DemoOnly2026");

        var generated = new LuoshiProperties(Path.of("data"), "Configured2026", null, null, null);
        InitialPassword passwords = newInitialPassword(generated);
        String demo = passwords.demoValue();
        assertThat(demo).hasSize(16).isNotEqualTo("Configured2026").isEqualTo(passwords.demoValue());

        var same = new LuoshiProperties(Path.of("data"), "Configured2026", null, null, "Configured2026");
        assertThatThrownBy(() -> newInitialPassword(same)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LUOSHI_DEMO_PASSWORD");
    }
}
