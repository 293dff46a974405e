package org.keephope.signature;

import java.util.Map;
import org.keephope.campaign.CampaignRef;

/**
 * What became of a sign form posted to a page of ours ({@link Signing#submit}): the result, the campaign, the
 * form as read (to show it again with the supporter's values) and each field's first error.
 */
public record SignSubmission(Result result, CampaignRef campaign, SignForm form, Map<String, String> errors) {

    /** Each result with the status of its answer and, for the form shown again, the key of its notice. */
    public enum Result {
        /** Committed (or silently dropped as a bot's): answer 303 to "check your email". */
        ACCEPTED(303, null),
        /** A field is wrong: the page again with {@link #errors()} beside the fields. */
        INVALID(422, "sign.error.summary"),
        /** Sent too fast or with a stale form: the page again, values kept, to send once more. */
        SHOW_AGAIN(422, "sign.again"),
        /** The campaign does not take signatures: the page again. */
        NOT_OPEN(409, "sign.closed"),
        /** Too many requests from this client or for this address: the error page. */
        RATE_LIMITED(429, null);

        private final int status;
        private final String notice;

        Result(int status, String notice) {
            this.status = status;
            this.notice = notice;
        }

        public int status() {
            return status;
        }

        /** The message key of the notice above the form shown again; null when the form is not shown again. */
        public String notice() {
            return notice;
        }
    }

    public SignSubmission {
        errors = Map.copyOf(errors);
    }
}
