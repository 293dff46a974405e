package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signed notes against the vectors of golang.org/x/mod/sumdb/note (note_test.go). */
class SignedNoteTest {

    static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** "PRIVATE+KEY+PeterNeumann+c74f20a3+" then base64(0x01 ‖ seed). */
    static final String PETER_SIGNER = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static byte[] peterSeed() {
        byte[] typed = Base64.getDecoder().decode(PETER_SIGNER);
        return Arrays.copyOfRange(typed, 1, 33);
    }

    @Test
    void signingTheGoVectorGivesTheGoNoteByteForByte() {
        var verifier = SignedNote.Verifier.parse(PETER_VERIFIER);
        String note = SignedNote.sign(TEXT, "PeterNeumann", SignedNote.privateKey(peterSeed()), verifier.publicKey());
        assertThat(note).isEqualTo(SIGNED);
        assertThat(SignedNote.verifierKey("PeterNeumann", verifier.publicKey())).isEqualTo(PETER_VERIFIER);
        assertThat(SignedNote.keyId("PeterNeumann", verifier.publicKey())).isEqualTo(0xc74f20a3);
    }

    @Test
    void theGoNoteOpensAndAChangedTextOrForgedSignatureDoesNot() {
        var verifier = SignedNote.Verifier.parse(PETER_VERIFIER);
        assertThat(SignedNote.open(SIGNED, verifier)).isEqualTo(TEXT);
        assertThatThrownBy(() -> SignedNote.open(SIGNED.replace("answer", "Answer"), verifier))
                .hasMessageContaining("does not match");
        var other = SignedNote.generate();
        String forged =
                SignedNote.sign(TEXT, "PeterNeumann", SignedNote.privateKey(other.seed()), verifier.publicKey());
        assertThatThrownBy(() -> SignedNote.open(forged, verifier)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SignedNote.open(TEXT, verifier)).hasMessageContaining("not a signed note");
    }

    @Test
    void manglingAVerifierKeyIsRefused() {
        assertThatThrownBy(() ->
                        SignedNote.Verifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("key id");
        assertThatThrownBy(() ->
                        SignedNote.Verifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.Verifier.parse("PeterNeumann"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedKeySignsWhatItsVerifierKeyOpens() {
        var keys = SignedNote.generate();
        String name = "keephope.test/campaigns/x";
        String note = SignedNote.sign("a\nb\n", name, SignedNote.privateKey(keys.seed()), keys.publicKey());
        var verifier = SignedNote.Verifier.parse(SignedNote.verifierKey(name, keys.publicKey()));
        assertThat(SignedNote.open(note, verifier)).isEqualTo("a\nb\n");
    }
}
