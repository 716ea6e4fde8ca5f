package dev.subsidy.gateway.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The reason a client reads for each of Spring MVC's own refusals, in the gateway's words: what was
 * wrong and what would be right. Never an exception's class name or a Java type.
 */
final class MvcErrorReasons {

    private MvcErrorReasons() {}

    static String of(Exception e, String method, String path) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "no such path: " + method + " " + path;
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            Set<HttpMethod> allowed = m.getSupportedHttpMethods();
            return "method " + m.getMethod() + " is not allowed on " + path
                    + (allowed == null || allowed.isEmpty() ? "" : "; allowed: " + names(allowed));
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return "Content-Type " + (m.getContentType() == null ? "(none)" : "'" + m.getContentType() + "'")
                    + " is not supported here" + (m.getSupportedMediaTypes().isEmpty() ? ""
                    : "; send one of " + types(m.getSupportedMediaTypes()));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return "no reply in a type the Accept header allows"
                    + (m.getSupportedMediaTypes().isEmpty() ? "" : "; this call answers " + types(m.getSupportedMediaTypes()));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return "query parameter '" + m.getParameterName() + "' is required";
        }
        if (e instanceof MissingRequestHeaderException m) {
            return "header '" + m.getHeaderName() + "' is required";
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "parameter '" + m.getName() + "': " + quoted(m.getValue()) + " is not " + expected(m.getRequiredType());
        }
        if (e instanceof TypeMismatchException m) {
            return quoted(m.getValue()) + " is not " + expected(m.getRequiredType());
        }
        if (e instanceof HttpMessageNotReadableException m) {
            return unreadable(m);
        }
        if (e instanceof MaxUploadSizeExceededException m) {
            return "body is larger than the limit" + (m.getMaxUploadSize() > 0 ? " of " + m.getMaxUploadSize() + " bytes" : "");
        }
        if (e instanceof ResponseStatusException r && r.getReason() != null) {
            return r.getReason();
        }
        if (e instanceof ErrorResponse r && r.getBody().getDetail() != null) {
            // Spring's own details are written for clients ("Required part 'file' is not present.")
            return r.getBody().getDetail();
        }
        return "request refused";
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "the request body is missing";
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json && json.getLocation() != null) {
                JsonLocation at = json.getLocation();
                return "the request body is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
        }
        return "the request body cannot be read";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 date or time";
        }
        return "a valid value";
    }

    /** The value a client sent, cut short: it is echoed back, and may be anything. */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    }

    private static String names(Set<HttpMethod> methods) {
        return methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    }

    private static String types(List<MediaType> types) {
        return types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }
}
