package org.keephope.signature;

import java.util.Optional;
import java.util.UUID;

/**
 * Receipts for signers, made by whichever module keeps a verifiable record of the count (the signature log
 * implements this; the signature module does not depend on it). The confirm page shows the receipt to the
 * signer alone: it is reached only through their confirmation link and is never cached.
 */
public interface SignatureReceipts {

    /**
     * A confirmed signature's receipt.
     *
     * @param index the signature's entry in its campaign's log
     * @param treeSize the size of the signed head the receipt's proof leads to
     * @param text the receipt to save: what the entry commits to, the inclusion proof and the signed head
     */
    record Receipt(long index, long treeSize, String text) {}

    /** The receipt, or empty when the signature's entry is not in a signed head yet (or was withdrawn). */
    Optional<Receipt> receipt(UUID signatureId);
}
