package org.findingskb.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.findingskb.shared.KbProperties;

/**
 * Refuses request bodies over {@code kb.http.max-body-size} with 413 before they are read in full: at once
 * when the declared length is too large, else as soon as a chunked body passes the limit. Nothing in Tomcat
 * limits a body that the application reads itself.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final HandlerExceptionResolver problems;

    RequestBodyLimitFilter(KbProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.limit = properties.http().maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (ServletException | RuntimeException e) {
            if (causedByOverflow(e) && !response.isCommitted()) {
                response.resetBuffer();
                refuse(request, response);
                return;
            }
            throw e;
        }
    }

    private static boolean causedByOverflow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyOverflow) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        problems.resolveException(request, response, null, BodyTooLarge.over(limit));
    }

    /** Raised while reading a body once it has passed the limit. */
    static final class BodyOverflow extends IOException {

        private final long limit;

        BodyOverflow(long limit) {
            super("Request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws IOException {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyOverflow(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
