package cn.luoshi.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    @Test
    void acceptsARealCodeAndRejectsAWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        // I, O, S, V and Z are not in the alphabet.
        assertThat(CreditCode.isValid("91350100M000100YI3")).isFalse();
    }

    @Test
    void parsesWhatPeopleType() {
        assertThat(CreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> CreditCode.parse("123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completesSeventeenCharactersWithTheirCheckCharacter() {
        assertThat(CreditCode.complete("91350100M000100Y4").value()).isEqualTo("91350100M000100Y43");
    }
}
