package org.keephope.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageNumberTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {"NULL,1", "'',1", "abc,1", "-3,1", "0,1", "2,2", "' 7 ',7", "99999999999,1", "1e3,1"})
    void anythingButAPositiveNumberMeansPageOne(String input, int expected) {
        assertThat(PageNumber.parse(input)).isEqualTo(expected);
    }
}
