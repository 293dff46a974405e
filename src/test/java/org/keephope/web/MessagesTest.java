package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A missing UI text in any language fails the build, as does a template asking for a key nobody wrote. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLocaleHasEveryKey() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        for (var locale : SupportedLocales.ALL) {
            if (locale.equals(SupportedLocales.ENGLISH)) {
                continue;
            }
            Set<String> other =
                    load("messages_" + locale.getLanguage() + ".properties").stringPropertyNames();
            assertThat(new TreeSet<>(other)).as("keys of " + locale).isEqualTo(new TreeSet<>(english));
        }
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (var locale : SupportedLocales.ALL) {
            String file = locale.equals(SupportedLocales.ENGLISH)
                    ? "messages.properties"
                    : "messages_" + locale.getLanguage() + ".properties";
            Properties properties = load(file);
            properties.forEach((key, value) ->
                    assertThat(value.toString()).as(file + " " + key).isNotBlank());
        }
    }

    @Test
    void everyKeyATemplateOrClassUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\\b(?:t|getMessage|message)\\(\"([a-zA-Z0-9.]+)\"\\s*[,)]");
        Set<String> used = new TreeSet<>();
        for (String root : new String[] {"src/main/jte", "src/main/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    var matcher = literal.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        // keys named in validation annotations and in Java code as plain strings
        Pattern named = Pattern.compile("(?:message = )?\"((?:form|admin)\\.[a-zA-Z0-9.]*[a-zA-Z0-9])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = named.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Pattern annotation = Pattern.compile("message = \"([a-zA-Z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = annotation.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        for (String role : new String[] {"LEAD", "SUPPORTER"}) {
            used.add("admin.role." + role);
        }
        // keys built at run time
        for (var status : org.keephope.campaign.CampaignStatus.values()) {
            used.add("campaign.status." + status.name());
        }
        for (String kind : new String[] {"400", "404", "405", "409", "413", "429", "500"}) {
            used.add("error." + kind + ".title");
            used.add("error." + kind + ".text");
        }
        for (String state : new String[] {"PENDING", "CONFIRMED", "EXPIRED", "RENEWED", "UNKNOWN"}) {
            used.add("confirm.title." + state);
            used.add("confirm.text." + state);
        }
        for (String state : new String[] {"ASK", "ERASED", "UNKNOWN"}) {
            used.add("erase.title." + state);
            used.add("erase.text." + state);
        }
        for (var kind : org.keephope.target.TargetImport.Kind.values()) {
            used.add("target.import.kind." + kind.name());
        }
        used.add("admin.signatures.erased");
        used.add("admin.signatures.notErased");
        for (String field : new String[] {"firstName", "lastName", "email"}) {
            used.add("sign.field." + field);
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
