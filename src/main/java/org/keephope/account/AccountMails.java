package org.keephope.account;

import org.springframework.web.util.HtmlUtils;

/** The HTML part of a staff mail: the plain text, escaped, with its links made clickable. */
final class AccountMails {

    private AccountMails() {}

    static String html(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String paragraph : text.strip().split("\n\n")) {
            String escaped = HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>");
            escaped = escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
            html.append("<p>").append(escaped).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
