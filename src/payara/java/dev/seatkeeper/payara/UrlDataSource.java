package dev.seatkeeper.payara;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose JDBC driver follows from its URL alone: {@code jdbc:h2:…} gets H2's driver,
 * {@code jdbc:postgresql:…} PostgreSQL's, whichever driver on the server's class path accepts the URL. Payara's
 * connection pool (server-config/payara/post-boot-commands.txt) is created with this class, so that
 * {@code SEATKEEPER_DB_URL}, {@code _USER} and {@code _PASSWORD} are all an operator sets (../shared/CONTRACT.md,
 * "Operations"); Payara's own pools need the driver's {@code DataSource} class named up front.
 *
 * <p>Payara sets the pool's properties {@code URL}, {@code user} and {@code password} through the setters, as it does
 * for a driver's own data source, and pools the connections this class opens. Drivers are found with the JDBC 4
 * service registration ({@code META-INF/services/java.sql.Driver}) of every jar this class's loader sees (the
 * microbundle's {@code MICRO-INF/lib}, Payara Micro's own H2, {@code --addlibs}), then through {@link DriverManager}.
 */
public class UrlDataSource implements DataSource {
    private volatile String url;
    private volatile String user;
    private volatile String password;
    private volatile int loginTimeoutSeconds;
    private volatile PrintWriter logWriter;
    /** The driver found for {@link #driverUrl}; looked up once, not on every new physical connection. */
    private volatile Driver driver;

    private volatile String driverUrl;

    /** Payara instantiates the class by name. */
    public UrlDataSource() {}

    /** Takes the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/seatkeeper}. */
    public void setURL(String url) {
        this.url = url;
    }

    /** Returns the JDBC URL, or {@code null} before it is set. */
    public String getURL() {
        return url;
    }

    /** Takes the database user the connections log in as. */
    public void setUser(String user) {
        this.user = user;
    }

    /** Returns the database user, or {@code null}. */
    public String getUser() {
        return user;
    }

    /** Takes the password of {@link #getUser()}. */
    public void setPassword(String password) {
        this.password = password;
    }

    /** Returns the password, or {@code null}. */
    public String getPassword() {
        return password;
    }

    /**
     * Opens a new physical connection as the configured user.
     *
     * @return an open connection
     * @throws SQLException if no URL is set, no driver accepts it ({@code 08001}), or the driver cannot connect
     */
    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    /**
     * Opens a new physical connection as the given user.
     *
     * @return an open connection
     * @throws SQLException as {@link #getConnection()}
     */
    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        String target = url;
        if (target == null || target.isBlank()) {
            throw new SQLException("No JDBC URL is set (SEATKEEPER_DB_URL)", "08001");
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (pass != null) {
            properties.setProperty("password", pass);
        }
        Connection connection = driverFor(target).connect(target, properties);
        if (connection == null) {
            // Driver.connect answers null for a URL it does not take; never hand the pool a null connection.
            throw new SQLException("The JDBC driver refused the URL " + scheme(target), "08001");
        }
        return connection;
    }

    private Driver driverFor(String target) throws SQLException {
        Driver known = driver;
        if (known != null && target.equals(driverUrl)) {
            return known;
        }
        Driver found = findDriver(target, UrlDataSource.class.getClassLoader());
        if (found == null) {
            found = findDriver(target, Thread.currentThread().getContextClassLoader());
        }
        if (found == null) {
            try {
                found = DriverManager.getDriver(target);
            } catch (SQLException none) {
                throw new SQLException(
                        "No JDBC driver on the server's class path accepts " + scheme(target) + " URLs", "08001", none);
            }
        }
        driverUrl = target;
        driver = found;
        return found;
    }

    /** The first driver registered with the loader that accepts the URL, or {@code null}. */
    private static Driver findDriver(String target, ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                Driver candidate = drivers.next();
                if (candidate.acceptsURL(target)) {
                    return candidate;
                }
            } catch (ServiceConfigurationError | SQLException | LinkageError unusable) {
                // A registration whose class cannot be loaded here is another jar's problem: try the next one.
            }
        }
    }

    /** {@code jdbc:postgresql:} of a URL: enough to say which driver is missing, without host names or options. */
    private static String scheme(String target) {
        int second = target.indexOf(':', target.indexOf(':') + 1);
        return second > 0 ? target.substring(0, second + 1) : "jdbc:";
    }

    /** Returns the log writer Payara set, or {@code null}; connections are opened by drivers that log on their own. */
    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Keeps the log writer Payara sets (a {@link DataSource} must accept it). */
    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Keeps the login timeout in seconds; the drivers' own connect timeouts apply. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    /** Returns the login timeout last set, in seconds (0: none). */
    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    /** Not supported: this class logs nothing through java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("UrlDataSource has no parent logger");
    }

    /**
     * Returns this object as the interface asked for.
     *
     * @throws SQLException if this class does not implement it
     */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("UrlDataSource is not a " + type.getName());
    }

    /** Returns whether {@link #unwrap} succeeds for the interface. */
    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
