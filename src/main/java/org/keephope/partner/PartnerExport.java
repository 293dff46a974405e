package org.keephope.partner;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV a partner exports: one line per confirmed supporter who ticked its box, with the consent it gave
 * (text version and language). A supporter sealed to the partner's key has the personal fields empty and the
 * HPKE ciphertext in {@code sealed} (base64); {@code partner-key decrypt} fills them in offline. Without a
 * key the fields come in clear (over TLS), as the staff export does.
 */
final class PartnerExport {

    static final String[] HEADER = {
        "signature_id", "campaign", "organisation_id", "confirmed_at", "consent_version", "consent_locale",
        "email", "first_name", "last_name", "country", "locale", "sealed"
    };

    /** One supporter's line; {@code record} null when sealed to the partner. */
    record Line(
            UUID signatureId,
            String campaign,
            long organisationId,
            Instant confirmedAt,
            int consentVersion,
            String consentLocale,
            SupporterRecord record,
            byte[] sealed) {}

    private PartnerExport() {}

    static String csv(List<Line> lines) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Line l : lines) {
                SupporterRecord r = l.record();
                csv.printRecord(
                        l.signatureId(),
                        l.campaign(),
                        l.organisationId(),
                        l.confirmedAt(),
                        l.consentVersion(),
                        l.consentLocale(),
                        r == null ? "" : safe(r.email()),
                        r == null ? "" : safe(r.firstName()),
                        r == null ? "" : safe(r.lastName()),
                        r == null ? "" : r.country(),
                        r == null ? "" : r.locale(),
                        l.sealed() == null ? "" : Base64.getEncoder().encodeToString(l.sealed()));
            }
        }
        return out.toString();
    }

    private static byte[] open(List<HybridDecrypt> decrypters, byte[] sealed, UUID id, long org)
            throws GeneralSecurityException {
        for (HybridDecrypt d : decrypters) {
            try {
                return d.decrypt(sealed, PartnerKeys.context(id, org));
            } catch (GeneralSecurityException e) {
                // another keyset's, or not at all: try the next
            }
        }
        throw new GeneralSecurityException("opens with none of the keysets");
    }

    /** A spreadsheet must not run a field as a formula (=, +, -, @ first). */
    static String safe(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * The export with every sealed line opened by one of the partner's private keysets (the current one, and
     * older ones for lines sealed before a replacement): what {@code partner-key decrypt} prints.
     *
     * @throws GeneralSecurityException when a sealed line opens with none of them
     * @throws IllegalArgumentException when the file is not an export
     */
    static String decrypt(String exportCsv, List<KeysetHandle> privateKeysets)
            throws IOException, GeneralSecurityException {
        List<HybridDecrypt> decrypters = new java.util.ArrayList<>();
        for (KeysetHandle k : privateKeysets) {
            decrypters.add(PartnerKeys.decrypter(k));
        }
        StringWriter out = new StringWriter();
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = format.parse(new java.io.StringReader(exportCsv));
                CSVPrinter csv = new CSVPrinter(
                        out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (CSVRecord row : parser) {
                String sealed = row.get("sealed");
                String email = row.get("email");
                String first = row.get("first_name");
                String last = row.get("last_name");
                String country = row.get("country");
                String locale = row.get("locale");
                if (!sealed.isEmpty()) {
                    UUID id = UUID.fromString(row.get("signature_id"));
                    long org = Long.parseLong(row.get("organisation_id"));
                    SupporterRecord r = SupporterRecord.parse(
                            open(decrypters, Base64.getDecoder().decode(sealed), id, org));
                    email = safe(r.email());
                    first = safe(r.firstName());
                    last = safe(r.lastName());
                    country = r.country();
                    locale = r.locale();
                }
                csv.printRecord(
                        row.get("signature_id"),
                        row.get("campaign"),
                        row.get("organisation_id"),
                        row.get("confirmed_at"),
                        row.get("consent_version"),
                        row.get("consent_locale"),
                        email,
                        first,
                        last,
                        country,
                        locale,
                        "");
            }
        }
        return out.toString();
    }
}
