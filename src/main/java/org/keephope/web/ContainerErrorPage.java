package org.keephope.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before the application sees them: a request line or header it
 * cannot parse, a URL with a broken {@code %} escape, headers over the size limit. Its own page for them
 * has no security headers, is English only and is not ours. This replaces Tomcat's {@link
 * ErrorReportValve} with one that writes our page ({@link ErrorPageRenderer}) with our headers ({@link
 * SecurityHeaders}), and logs one short line ({@link BadInputLog}). Errors inside the application never
 * reach it: they go to {@code /error} ({@link ErrorPages}).
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final SecurityHeaders headers;
    private final BadInputLog badInput;
    private final ObjectProvider<ErrorPageRenderer> renderer;

    ContainerErrorPage(SecurityHeaders headers, BadInputLog badInput, ObjectProvider<ErrorPageRenderer> renderer) {
        this.headers = headers;
        this.badInput = badInput;
        this.renderer = renderer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            // Spring Boot adds its own (quiet) ErrorReportValve in a customizer that ran before this one
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new Report());
            if (host instanceof StandardHost standardHost) {
                // so that the host, when it starts, finds its error valve and adds no other
                standardHost.setErrorReportValveClass(Report.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    final class Report extends ErrorReportValve {

        Report() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            if (status < 500) {
                badInput.refused(status, "refused by the server before the application", request);
            }
            String html;
            try {
                ErrorPageRenderer pages = renderer.getIfAvailable();
                html = pages == null ? fallback(status) : pages.html(request, status);
            } catch (RuntimeException e) {
                html = fallback(status);
            }
            try {
                headers.apply(response);
                response.setHeader("Cache-Control", "no-store");
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(html);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot be written: nothing more to do
            }
        }
    }

    /** While the application is starting or stopping there is no template engine: a plain page. */
    static String fallback(int status) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
                + " · KeepHope</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\">"
                + "<h1>Error " + status + "</h1><p><a href=\"/\">KeepHope</a></p></main></body></html>";
    }
}
