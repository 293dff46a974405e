package org.keephope.signature;

/**
 * The state of a signature, as stored in {@code signature.status}: pending until its signer follows the
 * confirmation link, then confirmed (and counted). An erased signature keeps its state; what is erased is the
 * person in it.
 */
public enum SignatureStatus {
    PENDING,
    CONFIRMED
}
