package cn.luoshi.org.internal;

import java.security.SecureRandom;

import cn.luoshi.common.LuoshiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The password given to the first admin, {@code LUOSHI_ADMIN_PASSWORD}, and the one the demo city's users share,
 * {@code LUOSHI_DEMO_PASSWORD}; each one not set is generated for this start and printed once in the log. There is no
 * built-in default password, and the demo users never share the admin's: anyone shown the demo would otherwise hold
 * the administrator's password.
 */
@Component
public class InitialPassword {

    private static final Logger log = LoggerFactory.getLogger(InitialPassword.class);
    private static final String SYMBOLS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final String configured;
    private final String configuredDemo;
    private String generated;
    private String generatedDemo;

    public InitialPassword(LuoshiProperties properties) {
        this.configured = properties.adminPassword();
        this.configuredDemo = properties.demoPassword();
        if (StringUtils.hasText(configured) && configured.equals(configuredDemo)) {
            throw new IllegalStateException(
                    "LUOSHI_DEMO_PASSWORD must differ from LUOSHI_ADMIN_PASSWORD: the demo users are shown to others");
        }
    }

    /** The demo users' password: the configured one, or one generated for this start and printed once. */
    public synchronized String demoValue() {
        if (StringUtils.hasText(configuredDemo)) {
            return configuredDemo;
        }
        if (generatedDemo == null) {
            generatedDemo = generate();
            log.warn("""

                    ================================================================
                      落实 Luoshi: no LUOSHI_DEMO_PASSWORD was set, so one was generated.
                      Sign in as the demo users (duchashi, gxj, leader …) with:

                          {}

                      It is shown only this once.
                    ================================================================""", generatedDemo);
        }
        return generatedDemo;
    }

    public synchronized String value() {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        if (generated == null) {
            generated = generate();
            log.warn("""

                    ================================================================
                      落实 Luoshi: no LUOSHI_ADMIN_PASSWORD was set, so one was generated.
                      Sign in as 'admin' with this password:

                          {}

                      It is shown only this once. Change it after signing in.
                    ================================================================""", generated);
        }
        return generated;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        while (password.length() < 16 || password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter)) {
            if (password.length() >= 16) {
                password.setLength(0);
            }
            password.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return password.toString();
    }
}
