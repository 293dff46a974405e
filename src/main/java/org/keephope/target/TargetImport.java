package org.keephope.target;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.keephope.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's CSV import: rows matched to targets by their external id. {@link #preview} says what each row
 * would change and which rows are wrong; {@link #apply} imports only a file without a wrong row, in one
 * transaction. Targets the file does not name stay as they are.
 */
@Service
public class TargetImport {

    /** The columns, in the order the template shows them; the first four are required. */
    public static final List<String> COLUMNS = List.of(
            "external_id",
            "country",
            "name",
            "title",
            "office",
            "name_ru",
            "title_ru",
            "office_ru",
            "contact_emails",
            "contact_url",
            "time_zone",
            "active");

    static final int MAX_ROWS = 2000;

    public enum Kind {
        NEW,
        CHANGED,
        UNCHANGED,
        INVALID
    }

    /** One row of the file: its line, what it would do, the fields it changes, and its errors by field. */
    public record Row(
            long line, String externalId, String name, Kind kind, List<String> changes, Map<String, String> errors) {}

    /** The whole file: its rows, or an error of the file itself (as a message key) when it cannot be read. */
    public record Preview(List<Row> rows, String fileError) {

        public boolean canApply() {
            return fileError == null && !rows.isEmpty() && rows.stream().noneMatch(r -> r.kind() == Kind.INVALID);
        }

        public long count(Kind kind) {
            return rows.stream().filter(r -> r.kind() == kind).count();
        }
    }

    private record Parsed(Row row, TargetData data, EditableTarget existing) {}

    private final TargetRepository repository;
    private final AuditLog audit;

    TargetImport(TargetRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Preview preview(String csv) {
        var parsed = parse(csv);
        return parsed.fileError == null
                ? new Preview(parsed.rows.stream().map(Parsed::row).toList(), null)
                : new Preview(List.of(), parsed.fileError);
    }

    /** Imports the file if every row is right, else nothing; returns the preview either way. */
    @Transactional
    public Preview apply(String csv, String actor) {
        var parsed = parse(csv);
        var preview = parsed.fileError == null
                ? new Preview(parsed.rows.stream().map(Parsed::row).toList(), null)
                : new Preview(List.of(), parsed.fileError);
        if (!preview.canApply()) {
            return preview;
        }
        for (Parsed p : parsed.rows) {
            switch (p.row.kind()) {
                case NEW -> {
                    long id = repository.insert(p.data);
                    audit.record(actor, "target.import", "target", id, "new " + p.data.externalId());
                }
                case CHANGED -> {
                    if (!repository.update(p.existing.id(), p.existing.version(), p.data)) {
                        throw org.keephope.support.StaleEdit.of("target", p.existing.id(), p.existing.version());
                    }
                    audit.record(actor, "target.import", "target", p.existing.id(), "changed " + p.data.externalId());
                }
                default -> {}
            }
        }
        return preview;
    }

    private record ParsedFile(List<Parsed> rows, String fileError) {}

    private ParsedFile parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return new ParsedFile(List.of(), "target.import.error.empty");
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Parsed> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            for (String required : COLUMNS.subList(0, 4)) {
                if (!header.contains(required)) {
                    return new ParsedFile(List.of(), "target.import.error.header");
                }
            }
            if (!COLUMNS.containsAll(header)) {
                return new ParsedFile(List.of(), "target.import.error.header");
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    return new ParsedFile(List.of(), "target.import.error.tooMany");
                }
                rows.add(row(record, header, seen));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            return new ParsedFile(List.of(), "target.import.error.unreadable");
        }
        if (rows.isEmpty()) {
            return new ParsedFile(List.of(), "target.import.error.empty");
        }
        return new ParsedFile(rows, null);
    }

    private Parsed row(CSVRecord record, List<String> header, Set<String> seen) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), i < record.size() ? record.get(i) : "");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (record.size() != header.size()) {
            errors.put("row", "target.import.error.columns");
        }
        String externalId = values.getOrDefault("external_id", "");
        String active = values.getOrDefault("active", "").toLowerCase(Locale.ROOT);
        if (!Set.of("", "true", "false", "yes", "no", "1", "0").contains(active)) {
            errors.put("active", "target.import.error.active");
        }
        var data = new TargetData(
                externalId,
                values.getOrDefault("country", "").toUpperCase(Locale.ROOT),
                new TargetNames(values.get("name"), values.get("title"), TargetRules.blankToNull(values.get("office"))),
                Map.of(
                        "ru",
                        new TargetNames(
                                TargetRules.blankToNull(values.get("name_ru")),
                                TargetRules.blankToNull(values.get("title_ru")),
                                TargetRules.blankToNull(values.get("office_ru")))),
                TargetRules.emails(values.get("contact_emails")),
                TargetRules.blankToNull(values.get("contact_url")),
                TargetRules.blank(values.get("time_zone")) ? "UTC" : values.get("time_zone"),
                !Set.of("false", "no", "0").contains(active));
        TargetRules.check(data).forEach((field, key) -> errors.putIfAbsent(column(field), key));
        if (!TargetRules.blank(externalId) && !seen.add(externalId)) {
            errors.put("external_id", "target.import.error.duplicate");
        }
        EditableTarget existing =
                errors.isEmpty() ? repository.findByExternalId(externalId).orElse(null) : null;
        Kind kind;
        List<String> changes = List.of();
        if (!errors.isEmpty()) {
            kind = Kind.INVALID;
        } else if (existing == null) {
            kind = Kind.NEW;
        } else {
            changes = changes(existing.data(), data, header);
            kind = changes.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED;
        }
        // columns the file leaves out keep the target's current values
        TargetData merged = existing == null ? data : merge(existing.data(), data, header);
        return new Parsed(
                new Row(
                        record.getRecordNumber() + 1,
                        externalId,
                        data.original().name(),
                        kind,
                        changes,
                        errors),
                merged,
                existing);
    }

    private static String column(String field) {
        return switch (field) {
            case "externalId" -> "external_id";
            case "nameRu" -> "name_ru";
            case "titleRu" -> "title_ru";
            case "officeRu" -> "office_ru";
            case "contactEmails" -> "contact_emails";
            case "contactUrl" -> "contact_url";
            case "timeZone" -> "time_zone";
            default -> field;
        };
    }

    private static List<String> changes(TargetData before, TargetData after, List<String> header) {
        List<String> changed = new ArrayList<>();
        TargetData merged = merge(before, after, header);
        compare(changed, "country", before.country(), merged.country());
        compare(changed, "name", before.original().name(), merged.original().name());
        compare(changed, "title", before.original().title(), merged.original().title());
        compare(changed, "office", before.original().office(), merged.original().office());
        compare(changed, "name_ru", before.in("ru").name(), merged.in("ru").name());
        compare(changed, "title_ru", before.in("ru").title(), merged.in("ru").title());
        compare(changed, "office_ru", before.in("ru").office(), merged.in("ru").office());
        compare(changed, "contact_emails", before.contactEmails(), merged.contactEmails());
        compare(changed, "contact_url", before.contactUrl(), merged.contactUrl());
        compare(changed, "time_zone", before.timeZone(), merged.timeZone());
        compare(changed, "active", before.active(), merged.active());
        return changed;
    }

    private static TargetData merge(TargetData before, TargetData file, List<String> header) {
        TargetNames ruBefore = before.in("ru");
        TargetNames ruFile = file.in("ru");
        return new TargetData(
                file.externalId(),
                file.country(),
                new TargetNames(
                        file.original().name(),
                        file.original().title(),
                        header.contains("office")
                                ? file.original().office()
                                : before.original().office()),
                Map.of(
                        "ru",
                        new TargetNames(
                                header.contains("name_ru") ? ruFile.name() : ruBefore.name(),
                                header.contains("title_ru") ? ruFile.title() : ruBefore.title(),
                                header.contains("office_ru") ? ruFile.office() : ruBefore.office())),
                header.contains("contact_emails") ? file.contactEmails() : before.contactEmails(),
                header.contains("contact_url") ? file.contactUrl() : before.contactUrl(),
                header.contains("time_zone") ? file.timeZone() : before.timeZone(),
                header.contains("active") ? file.active() : before.active());
    }

    private static void compare(List<String> changed, String column, Object before, Object after) {
        if (!Objects.equals(normal(before), normal(after))) {
            changed.add(column);
        }
    }

    private static Object normal(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
