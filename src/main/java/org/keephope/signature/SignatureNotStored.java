package org.keephope.signature;

/** A signature could not be committed (database down, overloaded): the request must not be acknowledged. */
public class SignatureNotStored extends RuntimeException {

    SignatureNotStored(Throwable cause) {
        super("signature not stored", cause);
    }
}
