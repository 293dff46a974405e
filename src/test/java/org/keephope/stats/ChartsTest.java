package org.keephope.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartsTest {

    static final OverTimeChart.Texts TEXTS = new OverTimeChart.Texts(
            "Signatures <over> time", "Summary & more", "In all", "Per day", "No signatures yet.", "Source");

    @Test
    void theWorldMapHasOneShapePerIsoCountryAndEveryCodeIsOne() {
        Set<String> iso = Set.of(Locale.getISOCountries());
        Set<String> seen = new HashSet<>();
        for (WorldMap.Shape shape : WorldMap.shapes()) {
            if (shape.code() != null) {
                assertThat(iso).as("ISO 3166-1 alpha-2").contains(shape.code());
                assertThat(seen.add(shape.code()))
                        .as("one shape for " + shape.code())
                        .isTrue();
            }
            assertThat(shape.path()).startsWith("M").endsWith("z");
        }
        assertThat(seen).hasSizeGreaterThan(240).contains("DE", "BR", "RU", "UA", "VA", "MC", "US", "CN");
    }

    @Test
    void aCountedCountryGetsItsClassColourAndTitleAndNoOtherDoes() {
        String svg = WorldMapChart.draw(
                Map.of("DE", 1_234L, "BR", 5L),
                new WorldMapChart.Texts(
                        "Map", "Summary", "None yet", "Fewer than 5", b -> b.from() + "+", c -> "name-" + c, "Src"),
                Locale.ENGLISH,
                true,
                "map");
        var document = Svgs.parse(svg);
        List<Element> counted = Svgs.elements(document, "path").stream()
                .filter(p -> Svgs.hasClass(p, "counted"))
                .toList();
        assertThat(counted).extracting(Svgs::title).containsExactlyInAnyOrder("name-DE: 1,234", "name-BR: 5");
        assertThat(counted)
                .extracting(p -> p.getAttribute("fill"))
                .containsExactlyInAnyOrder(WorldMapChart.BINS[3], WorldMapChart.BINS[0]);
        assertThat(Svgs.elements(document, "path").stream().filter(p -> Svgs.hasClass(p, "country")))
                .allSatisfy(p -> assertThat(Svgs.title(p)).startsWith("name-"));
    }

    @Test
    void binsArePowersOfTenThatMoveUpForLargeCampaigns() {
        assertThat(WorldMapChart.bins(42))
                .extracting(WorldMapChart.Bin::from)
                .containsExactly(5L, 10L, 100L, 1_000L, 10_000L);
        assertThat(WorldMapChart.bins(2_500_000))
                .extracting(WorldMapChart.Bin::from)
                .containsExactly(5L, 1_000L, 10_000L, 100_000L, 1_000_000L);
        assertThat(WorldMapChart.bins(42).get(0).to()).isEqualTo(9L);
        assertThat(WorldMapChart.bins(42).get(4).to()).isNull();
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(OverTimeChart.niceStep(3)).isEqualTo(1);
        assertThat(OverTimeChart.niceStep(9)).isEqualTo(5);
        assertThat(OverTimeChart.niceStep(40)).isEqualTo(10);
        assertThat(OverTimeChart.niceStep(1_234)).isEqualTo(500);
        assertThat(OverTimeChart.niceStep(7_000_001)).isEqualTo(2_000_000);
    }

    @Test
    void theOverTimeChartEscapesWhatStaffTypedAndDrawsADayPerPoint() {
        LocalDate d = LocalDate.of(2026, 3, 1);
        OverTime data = new OverTime(
                List.of(new DayCount(d, 3, 3), new DayCount(d.plusDays(1), 0, 3), new DayCount(d.plusDays(2), 7, 10)),
                10,
                Instant.EPOCH);
        String svg = OverTimeChart.draw(
                data,
                List.of(new Marker(Marker.Kind.EVENT, d.plusDays(1), "</text><script>alert(1)</script>")),
                d.plusDays(2),
                TEXTS,
                Locale.ENGLISH,
                true,
                "t");
        var document = Svgs.parse(svg);
        assertThat(Svgs.elements(document, "script")).isEmpty();
        assertThat(Svgs.elements(document, "title").get(0).getTextContent()).isEqualTo("Signatures <over> time");
        assertThat(Svgs.elements(document, "polyline")
                        .get(0)
                        .getAttribute("points")
                        .split(" "))
                .hasSize(3);
        assertThat(Svgs.elements(document, "text").stream().map(Element::getTextContent))
                .contains("</text><script>alert(1)</script> · 2 Mar");
        assertThat(svg).doesNotContain("style=");
    }

    @Test
    void theOverTimeAxisStartsAtTheLaunchAndMarksLaunchEventAndDeadline() {
        LocalDate launch = LocalDate.of(2026, 3, 1);
        LocalDate firstSignature = launch.plusDays(4);
        OverTime data = new OverTime(
                List.of(new DayCount(firstSignature, 2, 2), new DayCount(firstSignature.plusDays(1), 1, 3)),
                3,
                Instant.EPOCH);
        String svg = OverTimeChart.draw(
                data,
                List.of(
                        new Marker(Marker.Kind.LAUNCH, launch, "Launch"),
                        new Marker(Marker.Kind.EVENT, launch.plusDays(7), "Summit"),
                        new Marker(Marker.Kind.DEADLINE, launch.plusDays(9), "Deadline")),
                firstSignature.plusDays(1),
                TEXTS,
                Locale.ENGLISH,
                false,
                "t");
        var document = Svgs.parse(svg);
        assertThat(Svgs.elements(document, "text").stream().map(Element::getTextContent))
                .contains("Launch · 1 Mar", "Summit · 8 Mar", "Deadline · 10 Mar")
                .as("the time axis begins on the launch day")
                .contains("1 Mar");
        List<Element> markers = Svgs.elements(document, "line").stream()
                .filter(l -> Svgs.hasClass(l, "chart-marker"))
                .toList();
        assertThat(markers).hasSize(3);
        double launchX = Double.parseDouble(markers.get(0).getAttribute("x1"));
        double firstBarX = Svgs.elements(document, "rect").stream()
                .filter(r -> r.getParentNode() instanceof Element g && Svgs.hasClass(g, "chart-bars"))
                .mapToDouble(r -> Double.parseDouble(r.getAttribute("x")))
                .min()
                .orElseThrow();
        assertThat(launchX)
                .as("the launch is left of the first day with signatures")
                .isLessThan(firstBarX);
    }

    @Test
    void theBarsPerPartnerKeepTheirWordsInsideANarrowDrawingThatAPhoneShowsLegibly() {
        String svg = PartnerBarsChart.draw(
                List.of(new Figures.BarRow("a", "Human Rights House Foundation", 12_345, 678)),
                new PartnerBarsChart.Texts(
                        "Подписи и согласия по партнёрам",
                        "Сводка",
                        "Подтверждённые подписи по ссылке партнёра",
                        "Подтверждённые согласия на связь",
                        "Пусто"),
                Locale.forLanguageTag("ru"),
                "b");
        var document = Svgs.parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("viewBox")).startsWith("0 0 400 ");
        // a phone 390 px wide shows the drawing at about 350 px: text of 15 in 400 stays above 13 px
        for (Element text : Svgs.elements(document, "text")) {
            assertThat(Double.parseDouble(text.getAttribute("font-size")))
                    .as(text.getTextContent())
                    .isGreaterThanOrEqualTo(15);
        }
        List<Element> legend = Svgs.elements(document, "tspan");
        assertThat(legend)
                .extracting(Element::getTextContent)
                .containsExactly("Подтверждённые подписи по ссылке", "партнёра", "Подтверждённые согласия на связь");
        assertThat(legend)
                .allSatisfy(t -> assertThat(t.getTextContent().length())
                        .isLessThanOrEqualTo(PartnerBarsChart.LEGEND_LINE_CHARACTERS));
        assertThat(PartnerBarsChart.lines("one", 2)).containsExactly("one");
    }

    @Test
    void csvCellsAreQuotedAndCannotBecomeFormulas() {
        assertThat(ChartCsv.text("Korea, \"South\"")).isEqualTo("\"Korea, \"\"South\"\"\"");
        assertThat(ChartCsv.text("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
    }
}
