package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of c2sp.org/tlog-tiles. */
class TilePathTest {

    @Test
    void indexesAreWrittenInGroupsOfThreeDigits() {
        assertThat(TilePath.format(0)).isEqualTo("000");
        assertThat(TilePath.format(123)).isEqualTo("123");
        assertThat(TilePath.format(1234)).isEqualTo("x001/234");
        assertThat(TilePath.format(1234067)).isEqualTo("x001/x234/067");
    }

    @Test
    void pathsParseBackAndAnythingElseIsNoTile() {
        assertThat(TilePath.parse("0/x001/x234/067")).isEqualTo(new TilePath(0, 1234067, 256));
        assertThat(TilePath.parse("1/000.p/5")).isEqualTo(new TilePath(1, 0, 5));
        assertThat(TilePath.parse("entries/x001/234.p/255")).isEqualTo(new TilePath(TilePath.ENTRIES, 1234, 255));
        assertThat(TilePath.parse("entries/x001/234.p/255").path()).isEqualTo("entries/x001/234.p/255");
        for (String bad : new String[] {
            "0/1",
            "0/0001",
            "0/x01/000",
            "0/001/x002",
            "0/000.p/0",
            "0/000.p/256",
            "0/000.p/05",
            "64/000",
            "01/000",
            "0/000/",
            "entries",
            "0/../000",
            "-1/000",
            "0/000.p",
            "0/x000/x000/x000/x000/x000/x000/000"
        }) {
            assertThat(TilePath.parse(bad)).as(bad).isNull();
        }
    }
}
