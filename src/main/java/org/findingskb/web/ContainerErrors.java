package org.findingskb.web;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Requests that Tomcat refuses before any servlet sees them (an encoded slash in the path, a malformed
 * request) are answered by Tomcat's error report valve, which writes HTML. This one hands them to the
 * {@link HandlerExceptionResolver} instead, so that they get the same problem details as every other error.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<HandlerExceptionResolver> resolver;

    ContainerErrors(@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                // Other customizers may add an ErrorReportValve of their own; just before the host starts, every
                // other one is replaced by this one.
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        replaceReportValves(host);
                    }
                });
            }
        });
    }

    private void replaceReportValves(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemReportValve(resolver));
    }

    /** Raises what Tomcat would report as an HTML page as a problem, for the API's exception handler to answer. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final ObjectProvider<HandlerExceptionResolver> resolver;

        ProblemReportValve(ObjectProvider<HandlerExceptionResolver> resolver) {
            this.resolver = resolver;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As the HTML report: only errors, only when nothing was written yet, and only once.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HandlerExceptionResolver handler = resolver.getIfAvailable();
            HttpStatus known = HttpStatus.resolve(status);
            if (handler == null || known == null) {
                return;
            }
            HttpServletRequest servletRequest = new Unparsed(request.getRequest());
            HttpServletResponse servletResponse = response.getResponse();
            try {
                response.setSuspended(false);
                response.resetBuffer(true);
                handler.resolveException(servletRequest, servletResponse, null, new ErrorResponseException(known));
                response.finishResponse();
            } catch (Exception | LinkageError e) {
                // The status stands without a body: nothing more can be done for this request.
                getContainer().getLogger().debug("Could not write a problem detail for status " + status, e);
            }
        }
    }

    /** A request whose line Tomcat could not parse has no path; the handler is given the root instead. */
    private static final class Unparsed extends HttpServletRequestWrapper {

        Unparsed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return Objects.requireNonNullElse(super.getRequestURI(), "/");
        }

        @Override
        public String getServletPath() {
            return Objects.requireNonNullElse(super.getServletPath(), "");
        }

        @Override
        public String getContextPath() {
            return Objects.requireNonNullElse(super.getContextPath(), "");
        }
    }
}
