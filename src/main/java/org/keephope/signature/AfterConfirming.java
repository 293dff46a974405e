package org.keephope.signature;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What another module offers a supporter on the page shown after confirming (e.g. a letter to their own leader).
 * The signature module cannot know those modules (they depend on it), so they implement this and the page asks
 * every implementation; an offer is plain text and a local link, escaped by the template.
 */
public interface AfterConfirming {

    /** An offer on the confirmed page: a heading, a sentence and a button to a path on this site. */
    record Offer(String heading, String text, String button, String path) {}

    /** The offer for a confirmed signature, if there is one now. */
    Optional<Offer> offer(Supporter supporter, Locale locale);

    /**
     * A confirmed supporter, as the modules that act for them need to know them: the name and country they gave
     * and the language they signed in. Only for a confirmed signature whose data is not erased.
     */
    record Supporter(
            UUID signatureId, long campaignId, String firstName, String lastName, String country, String locale) {

        @Override
        public String toString() {
            return "Supporter[" + signatureId + "]"; // never the name in a log line
        }
    }
}
