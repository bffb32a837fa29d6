package app.billfold.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser journeys, with the one check every page gets: axe-core finds
 * no moderate, serious or critical violation, and nothing is wider than the window (no sideways
 * scrolling). A failed check leaves a screenshot under {@code target/browser-failures}; with
 * {@code -Dbrowser.screenshots=true} every checked page is saved under
 * {@code target/browser-screenshots}, to look at.
 */
public final class AxeCheckedBrowser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 1000);
    /** The narrowest phone the portal promises to fit without sideways scrolling. */
    public static final Dimension NARROW_PHONE = new Dimension(360, 780);
    /** The phone the pay flow was tried on. */
    public static final Dimension PHONE = new Dimension(390, 844);

    static final Set<String> BLOCKING_IMPACTS = Set.of("moderate", "serious", "critical");
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private Dimension alsoAt;
    private Predicate<String> alsoWhere = path -> false;
    private PageRoutes routes;
    private final Set<String> checked = new LinkedHashSet<>();
    private int shots;
    /** Whether the page shown is the answer to a form's POST rather than to a GET of its address. */
    private boolean byPost;

    private AxeCheckedBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium (Debian's, or CHROME_BIN and CHROMEDRIVER) with a window of this size. */
    public static AxeCheckedBrowser start(Dimension window) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--window-size=" + window.getWidth() + "," + window.getHeight(),
                "--lang=en-GB");
        // Given explicitly: Selenium Manager would otherwise go looking for a driver on the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(window);
        return new AxeCheckedBrowser(driver);
    }

    /** Pages whose path passes {@code where} are checked again in a window of this size. */
    public AxeCheckedBrowser alsoCheckingAt(Dimension size, Predicate<String> where) {
        this.alsoAt = size;
        this.alsoWhere = where;
        return this;
    }

    /** Names each checked page by the route serving it, for {@link #checked()}. */
    public AxeCheckedBrowser namingPagesBy(PageRoutes routes) {
        this.routes = routes;
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
        byPost = false;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public void type(String id, CharSequence text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String source() {
        return driver.getPageSource();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Signs in on the sign-in page with {@link JourneyUsers#PASSWORD}. */
    public void signIn(String email) {
        // Whoever was signed in before (a journey that failed half-way) is gone.
        driver.manage().deleteAllCookies();
        driver.get(TestPorts.app() + "/");
        type("f-email", email);
        type("f-password", JourneyUsers.PASSWORD);
        navigateBy(By.cssSelector("form[action='/login'] button"));
    }

    /** Signs out with the button in the header (behind the menu on a phone) and lands on sign-in. */
    public void signOut() {
        WebElement button = driver.findElement(By.cssSelector("form[action='/logout'] button"));
        if (!button.isDisplayed()) {
            driver.findElement(By.cssSelector("#site-menu summary")).click();
        }
        navigateBy(By.cssSelector("form[action='/logout'] button"));
        assertThat(driver.findElement(By.id("f-email")).isDisplayed()).isTrue();
    }

    /**
     * Clicks a link or button (scrolled into view first, as a finger would) and waits until the
     * next page has replaced this one.
     */
    public void navigateBy(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement element = driver.findElement(target);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        boolean posts = Boolean.TRUE.equals(
                driver.executeScript("var f = arguments[0].form; return !!f && f.method === 'post'", element));
        element.click();
        // The old page is gone once its root element can no longer be asked anything. Chromedriver
        // reports that either as a stale element or as a node outside the document.
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // A POST answered with a redirect ends on a GET of the page redirected to.
        byPost = posts && navigation("redirectCount").intValue() == 0;
    }

    /** The HTTP status of the page shown (Chromium's navigation timing keeps it). */
    public int status() {
        return navigation("responseStatus").intValue();
    }

    private Number navigation(String field) {
        return (Number) driver.executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n ? n." + field + " : 0;");
    }

    /** Checks the page shown, named by the route serving it. */
    public void checkPage() {
        checkPage(null);
    }

    /**
     * Checks the page shown at this window's size, and at the second size where that applies;
     * {@code name}, where given, names it in {@link #checked()} instead of {@link #nameOf}.
     */
    public void checkPage(String name) {
        String path = path();
        String named = name != null ? name : nameOf(path);
        checkAtCurrentSize();
        if (alsoAt != null && alsoWhere.test(path)) {
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(alsoAt);
            try {
                checkAtCurrentSize();
            } finally {
                driver.manage().window().setSize(before);
            }
        }
        checked.add(named);
    }

    /**
     * A page fetched with GET and answered 2xx is named by its route; one answered 4xx or 5xx by
     * its status and route ("404 /console/invoices/{id}"); the answer to a form's POST (a form back
     * with its errors) by "POST" and its path, so that it never passes for the page of that address.
     */
    private String nameOf(String path) {
        String route = routes == null
                ? path
                : routes.serving(path).map(PageRoutes.Route::template).orElse(path);
        int status = status();
        return (byPost ? "POST " : "") + (status >= 400 ? status + " " : "") + route;
    }

    /** The names of the pages checked so far: route templates, or the names given. */
    public Set<String> checked() {
        return checked;
    }

    private void checkAtCurrentSize() {
        try {
            assertFitsTheWindow();
            assertNoBlockingViolation();
        } catch (AssertionError | RuntimeException e) {
            screenshot(FAILURES);
            throw e;
        }
        if (Boolean.getBoolean("browser.screenshots")) {
            screenshot(SCREENSHOTS);
        }
    }

    /** Nothing wider than the window: no sideways scrolling. */
    private void assertFitsTheWindow() {
        Number inner = (Number) driver.executeScript("return window.innerWidth");
        Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(scroll.intValue())
                .as("width of %s at %s px", driver.getCurrentUrl(), inner)
                .isLessThanOrEqualTo(inner.intValue());
    }

    private void assertNoBlockingViolation() {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(driver);
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
                blocking.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList());
            }
        }
        assertThat(blocking)
                .as(
                        "accessibility of %s at %s",
                        driver.getCurrentUrl(), driver.manage().window().getSize())
                .isEmpty();
        assertThat(results.getUrl()).isNotBlank();
    }

    /** Saves what the window shows now, named after the page and the window's width. */
    public Path screenshot(Path folder) {
        try {
            Files.createDirectories(folder);
            String page = path().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            Path file = folder.resolve(String.format(
                    "%03d-%s-%d.png",
                    ++shots,
                    page.isEmpty() ? "home" : page,
                    driver.manage().window().getSize().getWidth()));
            Files.write(file, wholePage());
            return file;
        } catch (IOException | WebDriverException e) {
            // A screenshot only helps to read a failure; it must not hide the failure itself.
            return null;
        }
    }

    /** The whole page, not only the part in the window, so that what is below the fold shows too. */
    private byte[] wholePage() {
        Number width = (Number) driver.executeScript("return window.innerWidth");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                                "x",
                                0,
                                "y",
                                0,
                                "width",
                                width,
                                "height",
                                Math.min(height.intValue(), 8000),
                                "scale",
                                1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
