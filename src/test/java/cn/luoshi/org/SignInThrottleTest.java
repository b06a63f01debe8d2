package cn.luoshi.org;

import java.time.Duration;
import java.util.Set;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords is slowed per name and address, per address and per name, with pauses that double, and no one
 * is locked out by a stranger. Each test guesses from addresses of its own (clients behind the trusted local proxy).
 */
@LuoshiTest
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccounts accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String account(String name) {
        if (accounts.findByUsername(name).isEmpty()) {
            accounts.createSystem(new NewUser(name, "被猜测的账号", Api.PASSWORD, null, null, Set.of(Role.ADMIN),
                    null, null));
        }
        return name;
    }

    private int signIn(String name, String password, String address) {
        return Api.as(port, name, password).from(address).get("/api/v1/me").status();
    }

    @Test
    void fiveWrongGuessesFromOneAddressMakeThatAddressWaitHalfAMinuteWhileTheOwnerSignsInElsewhere() {
        String name = account("guessme");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(name, "wrong" + i, "203.0.113.10")).isEqualTo(401);
        }
        assertThat(signIn(name, Api.PASSWORD, "203.0.113.10")).as("right password, but must wait").isEqualTo(401);
        assertThat(signIn(name, Api.PASSWORD, "203.0.113.11")).as("the owner elsewhere").isEqualTo(200);
        assertThat(signIn("gxj", Api.PASSWORD, "203.0.113.10")).as("other names from that address").isEqualTo(200);

        clock.advance(Duration.ofSeconds(29));
        assertThat(signIn(name, Api.PASSWORD, "203.0.113.10")).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(name, Api.PASSWORD, "203.0.113.10")).isEqualTo(200);
    }

    @Test
    void eachFurtherWrongGuessDoublesThePause() {
        String name = account("backoff-guessed");
        String at = "203.0.113.20";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(name, "wrong" + i, at)).isEqualTo(401);
        }
        // The sixth wrong guess after the 30 s pause: six failures, one beyond the five free, so 60 s.
        clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(name, "wrong5", at)).isEqualTo(401);
        clock.advance(Duration.ofSeconds(59));
        assertThat(signIn(name, Api.PASSWORD, at)).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        // The seventh wrong guess: 120 s.
        assertThat(signIn(name, "wrong6", at)).isEqualTo(401);
        clock.advance(Duration.ofSeconds(119));
        assertThat(signIn(name, Api.PASSWORD, at)).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(name, Api.PASSWORD, at)).isEqualTo(200);
    }

    @Test
    void aSprayOverManyNamesFromOneAddressWaitsAfterTwentyGuesses() {
        String victim = account("spray-target");
        String at = "203.0.113.30";
        // 20 guesses over ten names, two each, half of them names that do not exist: each is just refused.
        for (int n = 0; n < 10; n++) {
            String name = n % 2 == 0 ? account("spray-" + n) : "spray-nobody-" + n;
            assertThat(signIn(name, "Spring2026", at)).isEqualTo(401);
            assertThat(signIn(name, "Summer2026", at)).isEqualTo(401);
        }
        assertThat(signIn(victim, Api.PASSWORD, at)).as("the address must wait, whatever the name").isEqualTo(401);
        assertThat(signIn(victim, Api.PASSWORD, "203.0.113.31")).isEqualTo(200);
        clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(victim, Api.PASSWORD, at)).isEqualTo(200);
    }

    @Test
    void aNameThatDoesNotExistWaitsAndIsAnsweredLikeOneThatDoes() {
        String known = account("waiting-known");
        String unknown = "waiting-unknown";
        String at = "203.0.113.40";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(known, "wrong" + i, at)).isEqualTo(401);
            assertThat(signIn(unknown, "wrong" + i, at)).isEqualTo(401);
        }
        Api.Response knownAnswer = Api.as(port, known, "wrong9").from(at).get("/api/v1/me");
        Api.Response unknownAnswer = Api.as(port, unknown, "wrong9").from(at).get("/api/v1/me");
        assertThat(knownAnswer.status()).isEqualTo(401);
        assertThat(unknownAnswer.body()).isEqualTo(knownAnswer.body());
        assertThat(unknownAnswer.contentType()).isEqualTo(knownAnswer.contentType());
    }
}
