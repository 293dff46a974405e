package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LanguageSelectionTest {

    static MockHttpServletResponse visit(String baseUrl, String method) {
        var request = new MockHttpServletRequest(method, "/campaigns/x");
        request.addParameter("lang", "ru");
        var response = new MockHttpServletResponse();
        new LanguageSelection(new SiteProperties(baseUrl)).preHandle(request, response, new Object());
        return response;
    }

    @Test
    void choosingALanguageByAGetSetsTheCookie() {
        var cookie = visit("http://localhost:8080", "GET").getCookie("lang");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("ru");
        assertThat(cookie.getSecure()).isFalse();
    }

    @Test
    void aFormPostedToAnAddressWithLangSetsNoCookie() {
        assertThat(visit("http://localhost:8080", "POST").getCookies()).isEmpty();
    }

    @Test
    void theCookieIsSecureAndHostOnlyWhenTheSiteIsHttpsEvenBehindAPlainProxy() {
        var response = visit("https://campaigns.example.org", "GET");
        assertThat(response.getCookie("lang")).isNull();
        var cookie = response.getCookie("__Host-lang");
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
    }

    @Test
    void eitherCookieNamesTheLanguage() {
        var request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new jakarta.servlet.http.Cookie("__Host-lang", "ru"));
        assertThat(new LanguageSelection(new SiteProperties("https://x.example")).resolveLocale(request))
                .isEqualTo(SupportedLocales.RUSSIAN);
    }
}
