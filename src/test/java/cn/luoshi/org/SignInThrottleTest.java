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

    @Test
    void fiveWrongPasswordsLockTheAccountForAQuarterOfAnHour() {
        if (accounts.findByUsername("guessme").isEmpty()) {
            accounts.createSystem(new NewUser("guessme", "被猜测的账号", Api.PASSWORD, null, null, Set.of(Role.ADMIN),
                    null, null));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(Api.as(port, "guessme", "wrong" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(Api.as(port, "guessme").get("/api/v1/me").status()).as("right password, still locked")
                .isEqualTo(401);
        assertThat(Api.as(port, "gxj").get("/api/v1/me").status()).as("other accounts unaffected").isEqualTo(200);

        clock.advance(Duration.ofMinutes(16));
        assertThat(Api.as(port, "guessme").get("/api/v1/me").status()).isEqualTo(200);
    }
}
