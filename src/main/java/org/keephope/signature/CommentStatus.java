package org.keephope.signature;

/**
 * The moderation state of a signer's comment, as stored in {@code signature.comment_status}: no comment, one
 * waiting for staff, or one staff approved (shown) or rejected (deleted).
 */
enum CommentStatus {
    NONE,
    PENDING,
    APPROVED,
    REJECTED;

    /** The state a signature's comment starts in. */
    static CommentStatus of(String comment) {
        return comment == null ? NONE : PENDING;
    }
}
