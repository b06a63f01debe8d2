package cn.luoshi.org.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password sign-in, taking as long whatever the outcome: every attempt costs one password hash. An unknown name
 * is checked against a stand-in hash; a locked (throttled) or disabled account still has its password checked, the
 * result thrown away, before it is refused for its state, so that neither a quick answer nor a different one tells
 * that the name exists, is throttled, or that the password typed was right.
 */
class EvenTimedSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;

    EvenTimedSignIn(UserDetailsService users, PasswordEncoder encoder) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setAlwaysPerformAdditionalChecksOnUser(true);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
