package org.keephope.signature;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of a campaign's signers for other modules (the delivery package): only what the public list
 * shows — the first name of signers who chose to be shown, their country, the day, and their comment once
 * approved. Nothing is decrypted: the shown first name is kept for the public list as the signer gave it.
 */
@Service
@Transactional(readOnly = true)
public class PublicSigners {

    private final SignatureRepository repository;

    PublicSigners(SignatureRepository repository) {
        this.repository = repository;
    }

    /** The newest {@code limit} signers who chose to be shown, newest day first, countries in {@code locale}. */
    public List<PublicSigner> newest(long campaignId, int limit, Locale locale) {
        return repository.recentPublic(campaignId, limit).stream()
                .map(s -> new PublicSigner(s.name(), Countries.name(s.country(), locale), s.comment(), s.confirmedOn()))
                .toList();
    }
}
