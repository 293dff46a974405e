package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitTest {

    static MockHttpServletResponse send(String path, long contentLength) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[(int) contentLength]);
        var response = new MockHttpServletResponse();
        new RequestSizeLimit().doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** A body as a chunked request carries it: no Content-Length, a Transfer-Encoding header. */
    static MockHttpServletRequest chunked(String path, String contentType, byte[] body) {
        var request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    @Test
    void anUploadOverTheStaffLimitGetsA413BeforeAnythingReadsIt() throws Exception {
        assertThat(send("/admin/organisations/1/logo", 7 * 1024 * 1024).getStatus())
                .isEqualTo(413);
    }

    @Test
    void aStaffUploadWithinTheLimitPassesOnToTheFieldCheck() throws Exception {
        assertThat(send("/admin/organisations/1/logo", 5 * 1024 * 1024 + 100).getStatus())
                .isEqualTo(200);
    }

    @Test
    void publicFormsKeepTheirSmallLimit() throws Exception {
        assertThat(send("/campaigns/x/sign", 100 * 1024).getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedPublicFormOverTheLimitGetsA413() throws Exception {
        byte[] body = ("firstName=" + "a".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
        var response = new MockHttpServletResponse();
        new RequestSizeLimit()
                .doFilter(
                        chunked("/campaigns/x/sign", "application/x-www-form-urlencoded", body),
                        response,
                        new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedPublicFormWithinTheLimitArrivesWithItsParameters() throws Exception {
        byte[] body = "firstName=J%C3%BCrgen&email=a%40example.org&email=b".getBytes(StandardCharsets.US_ASCII);
        var request = chunked("/campaigns/x/sign", "application/x-www-form-urlencoded", body);
        request.setQueryString("lang=ru");
        request.addParameter("lang", "ru");
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        new RequestSizeLimit()
                .doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        assertThat(seen.get().getParameter("firstName")).isEqualTo("Jürgen");
        assertThat(seen.get().getParameterValues("email")).containsExactly("a@example.org", "b");
        assertThat(seen.get().getParameter("lang")).isEqualTo("ru");
        assertThat(seen.get().getContentLengthLong()).isEqualTo(body.length);
    }

    @Test
    void anyOtherChunkedBodyFailsToBeReadPastTheLimit() throws Exception {
        var request = chunked("/api/anything", "application/json", new byte[70 * 1024]);
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        new RequestSizeLimit()
                .doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes())
                .isInstanceOf(RequestSizeLimit.BodyTooLarge.class);
    }
}
