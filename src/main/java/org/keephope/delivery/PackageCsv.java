package org.keephope.delivery;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.keephope.signature.PublicSigner;
import org.keephope.target.Target;
import org.keephope.web.UiFactory;
import org.springframework.stereotype.Component;

/**
 * The delivery package's data as CSV (RFC 4180 by Apache Commons CSV, UTF-8): one table of four columns,
 * {@code section,code,name,value}, so a spreadsheet opens it as it is. Sections: {@code campaign} (title,
 * address, date, confirmed total), {@code target}, {@code country} (the public table: countries with fewer
 * than five unnamed, summed as {@code other}), {@code signer} (first name, country code blank, comment as the
 * value) and {@code log} (checkpoint and verifier key). Cells a spreadsheet would run as a formula are
 * defused with a leading apostrophe.
 */
@Component
class PackageCsv {

    private final UiFactory ui;

    PackageCsv(UiFactory ui) {
        this.ui = ui;
    }

    byte[] render(PackageContent p, Locale locale) {
        var texts = ui.forLocale(locale);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader("section", "code", "name", "value")
                .get()
                .print(out)) {
            row(csv, "campaign", p.campaign().slug(), "title", p.campaign().title());
            row(csv, "campaign", "", "address", p.address());
            row(csv, "campaign", "", "date", p.date().toString());
            row(csv, "campaign", "", "confirmed", Long.toString(p.total()));
            row(csv, "campaign", "", "language", locale.getLanguage());
            for (Target t : p.targets()) {
                row(csv, "target", t.country(), t.name(), t.title());
            }
            row(csv, "countries", "", "as_of", p.countriesAsOf().toString());
            for (PackageContent.CountryRow line : p.countries()) {
                row(csv, "country", line.code(), line.name(), Long.toString(line.count()));
            }
            if (p.otherCountries() > 0) {
                row(csv, "country", "other", texts.t("signers.countries.other"), Long.toString(p.otherCountries()));
            }
            for (PublicSigner s : p.signers()) {
                row(csv, "signer", s.confirmedOn().toString(), s.firstName() + " (" + s.country() + ")", s.comment());
            }
            if (p.log() != null) {
                row(
                        csv,
                        "log",
                        Long.toString(p.log().treeSize()),
                        "checkpoint",
                        p.log().note());
                row(csv, "log", "", "verifier_key", p.log().verifierKey());
                row(csv, "log", "", "checkpoint_address", p.checkpointAddress());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(CSVPrinter csv, String section, String code, String name, String value) throws IOException {
        csv.printRecord(section, defuse(code), defuse(name), defuse(value));
    }

    static String defuse(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
