package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
