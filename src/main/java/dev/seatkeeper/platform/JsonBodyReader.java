package dev.seatkeeper.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads request bodies into {@link JsonBody} whatever the declared content type, as Polar's server does,
 * so that malformed JSON is our 422 and never the runtime's own error page.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(Class<JsonBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return JsonBody.parse(entityStream);
    }
}
