package cn.luoshi.testsupport;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (no browser download): the way a user sees Luoshi. One per test class.
 */
public final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;

    public BrowserSession(int port) {
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("LUOSHI_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        this.baseUrl = "http://localhost:" + port;
    }

    /** A fresh browser tab (own cookies) signed in as the user. */
    public Page signIn(String username) {
        return signIn(username, 1440, 900);
    }

    /** Signed in with a window of this size (a phone is 390 wide); the leader lands on the cockpit. */
    public Page signIn(String username, int width, int height) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(width, height)).newPage();
        page.navigate(baseUrl + "/login");
        page.fill("#username", username);
        page.fill("#password", Api.passwordOf(username));
        page.click("#login-form button[type=submit]");
        page.waitForURL(url -> url.equals(baseUrl + "/") || url.equals(baseUrl + "/cockpit"));
        return page;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
