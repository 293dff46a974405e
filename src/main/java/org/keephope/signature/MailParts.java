package org.keephope.signature;

import java.util.List;

/** The parts of a signer's mail: the HTML template lays them out, the text part lists them. */
public record MailParts(
        String lang,
        String greeting,
        List<String> paragraphs,
        String actionUrl,
        String actionLabel,
        String eraseUrl,
        String eraseLabel) {}
