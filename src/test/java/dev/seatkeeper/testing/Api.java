package dev.seatkeeper.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the deployed service, as a merchant backend or a browser would call it. */
public final class Api {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(URL deployment) {
        String url = deployment.toExternalForm();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A response: status, headers and the body, parsed when it is JSON. */
    public record Reply(int status, HttpHeaders headers, String text) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }

        public JsonArray array(String key) {
            return json().getJsonArray(key);
        }

        public String string(String key) {
            return json().getString(key);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean isJson() {
            return header("Content-Type")
                    .map(t -> t.startsWith("application/json"))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Reply post(String path, String token, JsonValue body) {
        return send("POST", path, token, body.toString());
    }

    public Reply patch(String path, String token, JsonValue body) {
        return send("PATCH", path, token, body.toString());
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, Map.of());
    }

    /** A POST with extra request headers (such as {@code Idempotency-Key}). */
    public Reply post(String path, String token, JsonValue body, Map<String, String> headers) {
        return send("POST", path, token, body.toString(), headers);
    }

    /** A DELETE with extra request headers. */
    public Reply delete(String path, String token, Map<String, String> headers) {
        return send("DELETE", path, token, null, headers);
    }

    public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // Replacing, not adding: a test's Accept or Content-Type stands alone.
        headers.forEach(request::setHeader);
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
