package org.keephope.api;

import java.util.Map;

/**
 * A request the API cannot answer as asked, for a reason of the client's: an unknown campaign, a cursor it
 * did not get from us, a parameter out of range, a body that does not validate. Answered as
 * {@code application/problem+json}; the detail is ours, never an echo of the client's input.
 */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> errors;

    private ApiProblem(int status, String title, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    static ApiProblem notFound(String kind) {
        return new ApiProblem(404, capitalised(kind) + " not found", "No public " + kind + " has this slug.", Map.of());
    }

    static ApiProblem badParameter(String name, String detail) {
        return new ApiProblem(400, "Bad parameter", "Parameter '" + name + "': " + detail, Map.of(name, detail));
    }

    static ApiProblem badBody(String detail) {
        return new ApiProblem(400, "Unreadable body", detail, Map.of());
    }

    static ApiProblem invalid(Map<String, String> errors) {
        return new ApiProblem(422, "Invalid signature", "Some fields are missing or wrong; see 'errors'.", errors);
    }

    static ApiProblem notOpen() {
        return new ApiProblem(409, "Campaign not open", "This campaign does not take signatures now.", Map.of());
    }

    static ApiProblem pastTheEnd() {
        return new ApiProblem(404, "Page not found", "This page is past the last one.", Map.of());
    }

    static ApiProblem tooManyForAddress() {
        return new ApiProblem(
                429,
                "Too many signatures for this address",
                "This address was sent too often in the last hour; try again later.",
                Map.of());
    }

    /**
     * A partner's key and a campaign its organisation is not a partner of. The same answer whether or not the
     * campaign exists, as on the partner's own screens, so a key does not learn which drafts there are.
     */
    static ApiProblem notPartner() {
        return new ApiProblem(
                403,
                "Not a partner of this campaign",
                "This key's organisation is not a partner of this campaign.",
                Map.of());
    }

    static ApiProblem partnerConfirmedOnly() {
        return new ApiProblem(
                403,
                "Confirmed supporters only",
                "A partner's key reads its confirmed supporters only; pending signatures are not yet theirs.",
                Map.of());
    }

    static ApiProblem mayNotImport() {
        return new ApiProblem(
                403,
                "Key may not import confirmed signatures",
                "Only a staff key an admin allowed to import confirmed signatures may send \"confirmed\": true.",
                Map.of());
    }

    static ApiProblem partnerOnly(String what) {
        return new ApiProblem(403, "Partner keys only", what, Map.of());
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** Field (or parameter) → what is wrong with it; empty when the problem is not about fields. */
    Map<String, String> errors() {
        return errors;
    }

    private static String capitalised(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
