package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @Test
    void nothingIsAnEmptyCell() {
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void plainTextStaysAsItIs() {
        assertThat(Csv.cell("Anna Müller")).isEqualTo("Anna Müller");
        assertThat(Csv.cell("2026-12-03T11:00:00Z")).isEqualTo("2026-12-03T11:00:00Z");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(Csv.cell("Berlin, Mitte")).isEqualTo("\"Berlin, Mitte\"");
        assertThat(Csv.cell("say \"hope\"")).isEqualTo("\"say \"\"hope\"\"\"");
        assertThat(Csv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(Csv.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"=1+1|'=1+1", "+49 30 1234|'+49 30 1234", "-2|'-2", "@SUM(A1)|'@SUM(A1)"})
    void aLeadingFormulaCharacterIsDefused(String value, String cell) {
        assertThat(Csv.cell(value)).isEqualTo(cell);
    }

    @Test
    void aLeadingTabOrCarriageReturnIsDefusedToo() {
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void aDefusedFormulaWithASeparatorIsDefusedAndQuoted() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void aFormulaCharacterInsideTheTextIsHarmless() {
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }
}
