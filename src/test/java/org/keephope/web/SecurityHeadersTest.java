package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersTest {

    static MockHttpServletResponse answer(String baseUrl, MockHttpServletRequest request) throws Exception {
        var response = new MockHttpServletResponse();
        new SecurityHeaders(new SiteProperties(baseUrl)).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anHttpsSiteSendsHstsEvenWhenThePlainRequestCameThroughAProxy() throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        request.setSecure(false); // TLS ended at the proxy
        var response = answer("https://campaigns.example.org", request);
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void aPlainHttpSiteSendsNoHsts() throws Exception {
        var response = answer("http://localhost:8080", new MockHttpServletRequest("GET", "/"));
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void noAllowHeaderOffersTrace() throws Exception {
        var response = new MockHttpServletResponse();
        new SecurityHeaders(new SiteProperties("http://localhost"))
                .doFilter(
                        new MockHttpServletRequest("OPTIONS", "/"),
                        response,
                        (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res)
                                .setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE, PATCH"));
        assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
    }
}
