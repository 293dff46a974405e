package org.keephope.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The forms of one of our pages, read with regular expressions (our templates are regular enough). */
public final class PageForms {

    /** A form as a page offers it: where it goes, how it is encoded, its fields (percent-encoded), its files. */
    public record Form(String action, boolean multipart, List<String[]> fields, List<String> files) {}

    static final Pattern FORM = Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL);
    static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    static final Pattern TEXTAREA = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    static final Pattern SELECT = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    static final Pattern OPTION = Pattern.compile("<option[^>]*value=\"([^\"]*)\"");

    private PageForms() {}

    /** The forms of a page, with their fields as the page fills them in, values percent-encoded. */
    public static List<Form> of(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            String action = unescape(attributes.getOrDefault("action", ""));
            boolean multipart = "multipart/form-data".equals(attributes.get("enctype"));
            List<String[]> fields = new ArrayList<>();
            List<String> files = new ArrayList<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(1));
                String name = a.get("name");
                String type = a.getOrDefault("type", "text");
                if (name == null || type.equals("submit")) {
                    continue;
                }
                if (type.equals("file")) {
                    files.add(name);
                } else if (!type.equals("checkbox") || input.group(1).contains("checked")) {
                    fields.add(new String[] {
                        FuzzInputs.encode(name), FuzzInputs.encode(unescape(a.getOrDefault("value", "")))
                    });
                }
            }
            Matcher textarea = TEXTAREA.matcher(form.group(2));
            while (textarea.find()) {
                String name = attributes(textarea.group(1)).get("name");
                if (name != null) {
                    fields.add(new String[] {FuzzInputs.encode(name), FuzzInputs.encode(unescape(textarea.group(2)))});
                }
            }
            Matcher select = SELECT.matcher(form.group(2));
            while (select.find()) {
                String name = attributes(select.group(1)).get("name");
                Matcher option = OPTION.matcher(select.group(2));
                if (name != null && option.find()) {
                    fields.add(new String[] {FuzzInputs.encode(name), FuzzInputs.encode(unescape(option.group(1)))});
                }
            }
            forms.add(new Form(action.replaceAll("\\?.*", ""), multipart, fields, files));
        }
        return forms;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.putIfAbsent(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&#61;", "=")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
