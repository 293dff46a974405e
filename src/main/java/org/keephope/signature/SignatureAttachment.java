package org.keephope.signature;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Another module's rows written with a new signature, in the signature's own transaction, so that the signature
 * module need not know that module (the partner module's consent and attribution records implement it).
 *
 * <p>{@link #prepare} runs on the request thread, after the form was validated and the stamp and the limits
 * checked: it does the look-ups and the encryption, so that the writer's transaction only inserts. {@link #write}
 * runs in the writer's batch transaction, once per batch, with what was prepared for the signatures of that batch
 * that were new (a re-submission of an address writes nothing). If it throws, the batch is retried row by row and
 * the signature is not stored: what it writes is part of the signature.
 */
public interface SignatureAttachment<P> {

    /**
     * What the sign form sent, on the request thread. Email and names as the signer typed them (trimmed): a
     * module that keeps them must encrypt them. {@code page} is the path of the form's page; {@code params} every
     * field of the form, the attachment's own among them.
     */
    record Draft(
            UUID signatureId,
            long campaignId,
            String email,
            String firstName,
            String lastName,
            String country,
            String locale,
            Instant at,
            String page,
            Map<String, String> params) {}

    /** What to write with this signature, or null for nothing. Must not write anything itself. */
    P prepare(Draft draft);

    /** In the signature's transaction: writes what was prepared for the new signatures of a batch. */
    void write(List<P> prepared);
}
