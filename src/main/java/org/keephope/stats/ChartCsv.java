package org.keephope.stats;

import org.keephope.stats.Figures.CountryRow;
import org.keephope.stats.Figures.MapFigure;

/**
 * The data of the public charts as CSV (RFC 4180: comma separated, CRLF, text in quotes). The only text is
 * a country's name in the reader's language, from the JDK, or our own label; a cell that a spreadsheet would
 * run as a formula cannot occur, and is defused all the same.
 */
final class ChartCsv {

    private ChartCsv() {}

    static String overTime(OverTime data) {
        StringBuilder csv = new StringBuilder("day,signatures,cumulative\r\n");
        for (DayCount day : data.days()) {
            csv.append(day.day())
                    .append(',')
                    .append(day.signatures())
                    .append(',')
                    .append(day.cumulative())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** Countries with at least 5; the sum of all others on a last line without a code. */
    static String map(MapFigure map, String otherLabel) {
        StringBuilder csv = new StringBuilder("country,name,signatures\r\n");
        for (CountryRow row : map.rows()) {
            csv.append(row.code())
                    .append(',')
                    .append(text(row.name()))
                    .append(',')
                    .append(row.signatures())
                    .append("\r\n");
        }
        if (map.otherCountries() > 0) {
            csv.append(',')
                    .append(text(otherLabel))
                    .append(',')
                    .append(map.otherCountries())
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String progress(long signatures, Integer goal) {
        return "signatures,goal\r\n" + signatures + "," + (goal == null ? "" : goal) + "\r\n";
    }

    static String text(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
