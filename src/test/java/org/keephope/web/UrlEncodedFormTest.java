package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {

    @Test
    void decodesAsBrowsersEncode() {
        var form = UrlEncodedForm.parse("a=1&b=x+y%21&a=2&empty=&flag&=v", StandardCharsets.UTF_8);
        assertThat(form.get("a")).containsExactly("1", "2");
        assertThat(form.get("b")).containsExactly("x y!");
        assertThat(form.get("empty")).containsExactly("");
        assertThat(form.get("flag")).containsExactly("");
        assertThat(UrlEncodedForm.parse("name=%D0%90%D0%BD%D1%8F", StandardCharsets.UTF_8)
                        .get("name"))
                .containsExactly("Аня");
        assertThat(UrlEncodedForm.parse((String) null, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesWhatTomcatRefuses() {
        for (String bad : List.of("a=%zz", "a=%f", "a=%", "a=%ff%fe", "a=%C3")) {
            assertThatThrownBy(() -> UrlEncodedForm.parse(bad, StandardCharsets.UTF_8))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidParameterException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(400));
        }
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=1&".repeat(1001), StandardCharsets.UTF_8))
                .isInstanceOf(InvalidParameterException.class);
    }
}
