package cn.luoshi.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every refused sign-in costs exactly one password hash, so the time of the answer does not tell an unknown name, a
 * wrong password and a locked or disabled account apart; and a locked account is refused alike whether the password
 * typed was right or wrong.
 */
class EvenTimedSignInTest {

    /** Counts the hashes it is asked to check, and against which stored hash. */
    static final class CountingEncoder implements PasswordEncoder {
        final List<String> checked = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checked.add(encoded);
            return encoded.equals("hash:" + raw);
        }
    }

    private static LuoshiUser user(String name, boolean enabled, boolean locked) {
        LuoshiUser user = new LuoshiUser(7, name, name, null, null, Set.of(Role.ADMIN), DataScope.everything(),
                enabled, "hash:Right2026");
        return locked ? user.withSignInLocked() : user;
    }

    private static EvenTimedSignIn signIn(CountingEncoder encoder, Optional<LuoshiUser> found) {
        UserDetailsService users = name -> found.orElseThrow(() -> new UsernameNotFoundException(name));
        return new EvenTimedSignIn(users, encoder);
    }

    private static UsernamePasswordAuthenticationToken typed(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    @Test
    void aRightPasswordIsOneHash() {
        CountingEncoder encoder = new CountingEncoder();
        var result = signIn(encoder, Optional.of(user("a", true, false))).authenticate(typed("a", "Right2026"));
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(encoder.checked).containsExactly("hash:Right2026");
    }

    @Test
    void aWrongPasswordAnUnknownNameALockedAndADisabledAccountEachCostOneHash() {
        CountingEncoder wrong = new CountingEncoder();
        assertThatThrownBy(() -> signIn(wrong, Optional.of(user("a", true, false))).authenticate(typed("a", "x1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(wrong.checked).containsExactly("hash:Right2026");

        CountingEncoder unknown = new CountingEncoder();
        assertThatThrownBy(() -> signIn(unknown, Optional.empty()).authenticate(typed("nobody", "x1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(unknown.checked).hasSize(1).doesNotContain("hash:Right2026");

        for (String typed : new String[] {"Right2026", "Wrong2026"}) {
            CountingEncoder locked = new CountingEncoder();
            assertThatThrownBy(() -> signIn(locked, Optional.of(user("a", true, true))).authenticate(
                    typed("a", typed)))
                    .as(typed).isInstanceOf(LockedException.class);
            assertThat(locked.checked).as(typed).hasSize(1);

            CountingEncoder disabled = new CountingEncoder();
            assertThatThrownBy(() -> signIn(disabled, Optional.of(user("a", false, false))).authenticate(
                    typed("a", typed)))
                    .as(typed).isInstanceOf(DisabledException.class);
            assertThat(disabled.checked).as(typed).hasSize(1);
        }
    }
}
