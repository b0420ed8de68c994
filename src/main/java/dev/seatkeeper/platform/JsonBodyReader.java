package dev.seatkeeper.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads every request body into {@link JsonBody}, whatever content type it declares, so that a wrong body is
 * always the 422 FastAPI gives and never the runtime's own error. As in FastAPI, a body is JSON when its
 * {@code Content-Type} is {@code application/json} or {@code application/*+json}; a body with any other type
 * (or a malformed one, which {@link RequestEdgeFilter} presents as {@code application/octet-stream}) is
 * {@code model_attributes_type}. A body with no {@code Content-Type} at all is read as JSON.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    /**
     * @throws RequestValidationException 422 as {@link JsonBody#parse(byte[])} says, or {@code model_attributes_type}
     *         for a non-empty body declared as something other than JSON
     * @throws PayloadTooLarge, RequestTimeout from the guarded request stream ({@link GuardedBody})
     */
    @Override
    public JsonBody readFrom(
            Class<JsonBody> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] bytes = entityStream.readAllBytes();
        String declared = httpHeaders.getFirst(HttpHeaders.CONTENT_TYPE);
        if (bytes.length > 0 && declared != null && !isJson(declared)) {
            throw JsonDocument.notAnObject(new String(bytes, StandardCharsets.UTF_8));
        }
        return JsonBody.parse(bytes);
    }

    private static boolean isJson(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json")
                        || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
