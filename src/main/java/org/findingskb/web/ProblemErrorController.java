package org.findingskb.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error dispatch: errors raised outside Spring MVC (a filter's exception, a
 * {@code sendError}) are raised again here, so that the one advice answers them as problem details too and a
 * client never sees an HTML error page or a different JSON shape.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request) {
        ErrorResponseException problem = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)
                instanceof ErrorResponseException raised ? raised : null;
        if (problem == null) {
            HttpStatus status = statusOf(request);
            problem = new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detailOf(status)), null);
        }
        if (problem.getBody().getInstance() == null) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            // The original path, not this dispatch's; one that does not parse is left out rather than echoed.
            problem.setInstance(uri instanceof String path && parses(path) ? URI.create(path) : URI.create("/"));
        }
        throw problem;
    }

    private static boolean parses(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly rather than reached by an error: there is nothing at this path.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource exists at this path.";
            case BAD_REQUEST -> "The request could not be understood.";
            case INTERNAL_SERVER_ERROR -> "The server could not complete the request; the error has been logged.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
