package dev.seatkeeper.operations;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Installs {@link ErrorStatusCounter} ahead of every filter declared by annotation or in web.xml: the order of
 * annotated filters is unspecified, and a filter that answers by itself (the edge filter's 413) must be inside
 * the counter to be counted.
 */
@WebListener
public class OperationsSetup implements ServletContextListener {
    @Inject
    Meters meters;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext()
                .addFilter("seatkeeper-error-status-counter", new ErrorStatusCounter(meters))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
