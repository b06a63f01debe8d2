package cn.luoshi.org.internal;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords guessers try first are refused; others of the same length and mix pass. */
class PasswordPolicyTest {

    @Test
    void aCommonWordWithDigitsAndSymbolsIsRefused() {
        for (String common : new String[] {"Password2026!", "Admin@123", "1qaz2wsx", "woaini1314", "P@ssw0rd1",
                "qwer1234", "a1234567", "Luoshi2026", "Zhang123456", "abc123456"}) {
            assertThat(PasswordPolicy.refusal(common, "someone")).as(common).contains("org.error.passwordCommon");
        }
    }

    @Test
    void aPasswordContainingTheUserNameForwardsOrBackwardsIsRefused() {
        assertThat(PasswordPolicy.refusal("gxj.jb2026x", "gxj.jb")).contains("org.error.passwordHasName");
        assertThat(PasswordPolicy.refusal("Duchashi88", "DUCHASHI")).contains("org.error.passwordHasName");
        assertThat(PasswordPolicy.refusal("ihsahcud88", "duchashi")).contains("org.error.passwordHasName");
        // Names shorter than three characters are not looked for: a two-letter name is in many passwords.
        assertThat(PasswordPolicy.refusal("Lu7hqe29m", "lu")).isEmpty();
    }

    @Test
    void otherPasswordsPass() {
        assertThat(PasswordPolicy.refusal("TestDemo2026", "duchashi")).isEqualTo(Optional.empty());
        assertThat(PasswordPolicy.refusal("Hq7wa9Lm2x", "admin")).isEmpty();
        assertThat(PasswordPolicy.refusal("红旗2026渠道", "admin")).isEmpty();
    }
}
