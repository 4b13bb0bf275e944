package org.findingskb.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.search.util.common.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.findingskb.shared.ApiException;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.NulFreeStrings;
import org.findingskb.shared.IfMatch;

/**
 * Turns every error of the API into an RFC 9457 problem detail with a stable type and the request as instance,
 * and is the only writer of problem details: errors raised in filters, by Spring Security, in the servlet
 * container's error dispatch and by Tomcat itself are all handed here through the {@code HandlerExceptionResolver}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Problem names for the statuses the framework raises itself. */
    private static final Map<Integer, String> PROBLEMS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "unavailable"));

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleLostRace(OptimisticLockingFailureException ex, WebRequest request) {
        IfMatch.PreconditionFailed lost = IfMatch.PreconditionFailed.concurrent();
        return handleExceptionInternal(lost, lost.getBody(), lost.getHeaders(), lost.getStatusCode(), request);
    }

    /** A write that collided with stored data or a concurrent write: nothing was stored, it may be repeated. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleConflict(DataIntegrityViolationException ex, WebRequest request) {
        log.info("Write refused by a database constraint serving {}: {}", describe(request), ex.getMostSpecificCause().getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with stored data or with a concurrent change; nothing was stored. Read the"
                        + " resource again and repeat the change if it still applies.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /**
     * A query string Tomcat cannot decode (a stray {@code %}, bytes that are not UTF-8): the client's error. Tomcat
     * parses the query when a handler first asks for a parameter; no filter asks before authentication.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableQuery(InvalidParameterException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The query string could not be decoded: percent-encode it as UTF-8.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        // An index query over its budget or its clause limit is the query's fault, not the server's: a line in
        // the log, never a stack trace per request.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SearchTimeoutException) {
                log.info("Search over its time budget serving {}: {}", describe(request), cause.getMessage());
                ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The search took longer than this server allows one search; search for fewer or more specific words.");
                return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
            }
            if (isTooManyClauses(cause)) {
                log.info("Search with too many clauses refused serving {}", describe(request));
                InvalidParameter refused = InvalidParameter.of("q", "has too many words for one search: search for"
                        + " the few that matter");
                return handleExceptionInternal(ex, refused.getBody(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
            }
        }
        log.error("Unexpected error serving {}", describe(request), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; the error has been logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** A write without If-Match is refused with 428, not as a request missing any other header. */
    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing && HttpHeaders.IF_MATCH.equalsIgnoreCase(missing.getHeaderName())) {
            return handleErrorResponseException(IfMatch.required(), new HttpHeaders(), HttpStatus.PRECONDITION_REQUIRED, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // A converter that refuses a value with a problem of its own (If-Match) is answered with that problem.
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException problem) {
                return handleErrorResponseException(problem, new HttpHeaders(), problem.getStatusCode(), request);
            }
        }
        String parameter = ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        if (ex instanceof MethodArgumentTypeMismatchException m) {
            parameter = m.getName();
            // For a collection parameter, what must match is the element type.
            Class<?> element = ResolvableType.forMethodParameter(m.getParameter()).asCollection().resolveGeneric(0);
            required = element != null ? element : required;
        }
        ProblemDetail body = InvalidParameter.of(String.valueOf(parameter), expectation(required, ex.getValue()))
                .getBody();
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = InvalidParameter.of(ex.getParameterName(), "is required").getBody();
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No resource exists at this path.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(Map.of("parameter", String.valueOf(name),
                    "message", messageOf(error))));
        });
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", messageOf(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(Map.of("field", error.getObjectName(), "message", messageOf(error))));
        return invalid(ex, errors, headers, request);
    }

    /** A 400 that lists what is wrong with each parameter or field. */
    private ResponseEntity<Object> invalid(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyOverflow) {
                BodyTooLarge tooLarge = BodyTooLarge.over(limitOf(cause));
                return handleExceptionInternal(tooLarge, tooLarge.getBody(), tooLarge.getHeaders(),
                        tooLarge.getStatusCode(), request);
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body could not be read: it is missing, not well-formed, or of the wrong shape.");
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")) {
                body.setDetail("The request body names a field twice: " + read.getOriginalMessage() + ".");
                break;
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                body.setDetail("The request body has a field this API does not take: '" + field + "'.");
                body.setProperty("errors", List.of(Map.of("field", field, "message", "is not a known field")));
                break;
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = path(mismatch);
                String message = Objects.requireNonNullElse(NulFreeStrings.refusal(mismatch), "has a value of the wrong type");
                body.setDetail("The request body's field '" + field + "' " + message + ".");
                body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
                break;
            }
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ex instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        complete(problem, statusCode, request instanceof NativeWebRequest n
                ? n.getNativeRequest(HttpServletRequest.class) : null);
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        // A problem is always JSON, whatever the client asked for: it is the one error format this API speaks.
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(responseHeaders).body(problem);
    }

    /** Fills in what every problem detail of this API carries: a stable type, a title and the request as instance. */
    private static void complete(ProblemDetail problem, HttpStatusCode status, HttpServletRequest request) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ApiException.problemType(PROBLEMS.getOrDefault(status.value(), "http-" + status.value())));
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        }
        if (problem.getInstance() == null && request != null) {
            // Only the path: a URI that could not be parsed (it is why some requests fail) must not fail again here.
            try {
                // Null where Tomcat could not parse the request line at all.
                problem.setInstance(URI.create(Objects.requireNonNullElse(request.getRequestURI(), "/")));
            } catch (IllegalArgumentException e) {
                problem.setInstance(URI.create("/"));
            }
        }
    }

    private static String path(DatabindException e) {
        return e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
    }

    /** Lucene's TooManyClauses (and TooManyNestedClauses), or the same refusal from an OpenSearch cluster. */
    private static boolean isTooManyClauses(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getName().contains("TooManyClauses") || cause.getClass().getName().contains("TooManyNestedClauses")
                || message.contains("too_many_clauses") || message.contains("too_many_nested_clauses");
    }

    private static long limitOf(Throwable overflow) {
        return ((RequestBodyLimitFilter.BodyOverflow) overflow).limit();
    }

    private static String expectation(Class<?> type, Object rawValue) {
        Object value = rawValue instanceof Object[] values && values.length == 1 ? values[0] : rawValue;
        if (type != null && type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return "must be one of " + allowed + " (any case), not '" + value + "'";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number, not '" + value + "'";
        }
        return "has an invalid value '" + value + "'";
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String summary(List<Map<String, String>> errors) {
        return errors.stream()
                .map(e -> e.getOrDefault("parameter", e.get("field")) + " " + e.get("message"))
                .collect(Collectors.joining("; ", "Invalid request: ", "."));
    }

    private static String describe(WebRequest request) {
        HttpServletRequest servletRequest = request instanceof NativeWebRequest n
                ? n.getNativeRequest(HttpServletRequest.class) : null;
        return servletRequest == null ? request.getDescription(false)
                : servletRequest.getMethod() + " " + servletRequest.getRequestURI();
    }
}
