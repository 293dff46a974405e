package org.keephope.log;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignatureReceipts;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signer's receipt: what their entry commits to (the campaign's log, their country and the random salt that
 * only this receipt carries), the entry's index, an inclusion proof, and the signed head it leads to. The text
 * is a KeepHope header, a blank line, then a C2SP {@code tlog-proof}:
 *
 * <pre>
 * keephope-receipt/v1
 * log https://example.org/campaigns/keep-hope-alive
 * country SE
 * salt &lt;base64 of 32 bytes&gt;
 *
 * c2sp.org/tlog-proof@v1
 * index 41
 * &lt;base64 hash&gt;            (the inclusion proof, one hash a line, leaf to root)
 *
 * &lt;the signed checkpoint, as served at /log/checkpoint&gt;
 * </pre>
 *
 * The entry is {@code 0x01 ‖ SHA-256("keephope-signature/v1\n" ‖ origin ‖ "\n" ‖ country ‖ "\n" ‖ salt)}, the
 * origin being the checkpoint's first line ({@link LogEntries}). Nothing in the log or in a public answer ties
 * the entry to the signer; {@code log_leaf_of}, which lets the confirmation link show the receipt again, is
 * deleted when the signature's personal data is.
 */
@Component
class LogReceipts implements SignatureReceipts {

    static final String HEADER = "keephope-receipt/v1";
    static final String PROOF_HEADER = "c2sp.org/tlog-proof@v1";

    private final LogRepository repository;
    private final Campaigns campaigns;
    private final SiteProperties site;

    LogReceipts(LogRepository repository, Campaigns campaigns, SiteProperties site) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.site = site;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Receipt> receipt(UUID signatureId) {
        var leaf = repository.leafOf(signatureId);
        if (leaf.isEmpty()) {
            return Optional.empty();
        }
        var head = repository.head(leaf.get().campaignId());
        if (head.isEmpty() || leaf.get().index() >= head.get().size()) {
            return Optional.empty();
        }
        long index = leaf.get().index();
        long size = head.get().size();
        Merkle.Nodes nodes = (level, i) -> repository.node(leaf.get().campaignId(), level, i);
        List<byte[]> proof = Merkle.inclusionProof(nodes, index, size);
        String slug = campaigns.ref(leaf.get().campaignId()).orElseThrow().slug();
        return Optional.of(new Receipt(
                index,
                size,
                text(
                        site.absolute("/campaigns/" + slug),
                        leaf.get(),
                        proof,
                        head.get().checkpoint())));
    }

    static String text(String logUrl, LogRepository.LeafOf leaf, List<byte[]> proof, String checkpoint) {
        var b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder();
        out.append(HEADER).append('\n');
        out.append("log ").append(logUrl).append('\n');
        out.append("country ").append(leaf.country()).append('\n');
        out.append("salt ").append(b64.encodeToString(leaf.salt())).append('\n');
        out.append('\n');
        out.append(PROOF_HEADER).append('\n');
        out.append("index ").append(leaf.index()).append('\n');
        for (byte[] hash : proof) {
            out.append(b64.encodeToString(hash)).append('\n');
        }
        out.append('\n');
        out.append(checkpoint);
        return out.toString();
    }
}
