package dev.seatkeeper.pages;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Debian's {@code chromedriver} (packages {@code chromium} and
 * {@code chromium-driver}, installed by {@code server-config/chromium/ensure.sh}); paths from
 * {@code seatkeeper.chromium} and {@code seatkeeper.chromedriver}. No driver download: the test needs no network.
 */
final class Browser implements AutoCloseable {
    /** Where {@link #screenshot} writes; {@code -Dseatkeeper.screenshots=docs/screenshots} keeps them in the repository. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("seatkeeper.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    final WebDriverWait wait;

    Browser() {
        String chromium = System.getProperty("seatkeeper.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("seatkeeper.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("The browser tests need " + chromium + " and " + chromedriver
                    + ": run server-config/chromium/ensure.sh (Debian's chromium and chromium-driver)");
        }
        var options = new ChromeOptions();
        options.setBinary(chromium);
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The browser console's errors since the last call (failed loads, CSP violations, script errors). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves the page as {@code name}.png at desktop width (1280 px) and at phone width (375 px), as -phone.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (var size : Map.of("", new Dimension(1280, 900), "-phone", new Dimension(375, 812))
                .entrySet()) {
            driver.manage().window().setSize(size.getValue());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    SCREENSHOTS.resolve(name + size.getKey() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
