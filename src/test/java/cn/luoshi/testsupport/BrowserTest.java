package cn.luoshi.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the browser tests: one Chromium per test class against the running application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected BrowserSession browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSession(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }
}
