package org.keephope.target;

import java.util.Locale;
import java.util.Optional;
import org.keephope.signature.AfterConfirming;
import org.springframework.stereotype.Component;

/** Offers a confirmed supporter, on the page after confirming, a letter to their own country's leader. */
@Component
class LetterOffer implements AfterConfirming {

    private final Letters letters;

    LetterOffer(Letters letters) {
        this.letters = letters;
    }

    @Override
    public Optional<Offer> offer(Supporter supporter, Locale locale) {
        return letters.offer(supporter, locale);
    }
}
