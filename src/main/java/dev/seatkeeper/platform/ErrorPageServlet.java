package dev.seatkeeper.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's error page (WEB-INF/web.xml names it for every status and exception): whatever the web
 * container answers by itself inside the application, such as a 404 for {@code /WEB-INF/web.xml}, a 405 from its
 * default servlet, or a 400 for a header the JAX-RS runtime cannot parse, is JSON in Polar's error shape instead of
 * the server's HTML page with its version. Asked for directly, it is a 404 like any unknown path.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {
    static final String PATH = "/_error";
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : 404;
        String body;
        if (thrown instanceof Throwable t) {
            LOG.log(Level.SEVERE, "Unexpected failure outside the API's error mapping", t);
            status = 500;
        }
        if (status >= 500) {
            status = 500;
            body = ErrorBody.of("InternalServerError", "An unexpected error occurred. It has been logged.");
        } else if (status == 404) {
            body = ErrorBody.of("ResourceNotFound", "Not Found");
        } else {
            var reason = Response.Status.fromStatusCode(status);
            String phrase = reason == null ? "Bad Request" : reason.getReasonPhrase();
            body = ErrorBody.of(phrase.replace(" ", ""), phrase);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
