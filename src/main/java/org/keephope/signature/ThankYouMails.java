package org.keephope.signature;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.MailPriority;
import org.keephope.mail.Outbox;
import org.keephope.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "thank you" mail, once per confirmation, right after the confirming transaction committed and after the
 * log appended the entry (its listener runs first), so the mail carries the receipt and the letter to the
 * supporter's own leader. Through the outbox, as a notice (after confirmation mails). Switched off with
 * {@code KEEPHOPE_SIGNING_THANK_YOU_MAIL=false}: a coalition whose supporters must keep their inboxes bare
 * can leave the receipt and the letter on the page the confirmation link opens.
 */
@Component
class ThankYouMails {

    private static final Logger log = LoggerFactory.getLogger(ThankYouMails.class);

    private final SignerLinks links;
    private final SignatureRepository repository;
    private final PersonalData personalData;
    private final SignatureMails mails;
    private final Outbox outbox;
    private final Campaigns campaigns;
    private final ObjectProvider<SignatureReceipts> receipts;
    private final List<AfterConfirming> afterConfirming;
    private final TransactionTemplate newTransaction;
    private final boolean enabled;

    ThankYouMails(
            SignerLinks links,
            SignatureRepository repository,
            PersonalData personalData,
            SignatureMails mails,
            Outbox outbox,
            Campaigns campaigns,
            ObjectProvider<SignatureReceipts> receipts,
            List<AfterConfirming> afterConfirming,
            PlatformTransactionManager transactions,
            @Value("${keephope.signing.thank-you-mail:true}") boolean enabled) {
        this.links = links;
        this.repository = repository;
        this.personalData = personalData;
        this.mails = mails;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.receipts = receipts;
        this.afterConfirming = afterConfirming;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = enabled;
    }

    static String reference(java.util.UUID signatureId) {
        return "signature-thanks:" + signatureId;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void afterConfirmed(SignatureConfirmed confirmed) {
        if (!enabled) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> send(confirmed));
        } catch (RuntimeException e) {
            // the signature is confirmed and counted either way; the page the link opens has the same
            log.warn("No thank-you mail for a confirmed signature: {}", e.toString());
        }
    }

    private void send(SignatureConfirmed confirmed) {
        Optional<AfterConfirming.Supporter> found = links.supporter(confirmed.signatureId());
        var contact = repository.contact(confirmed.signatureId());
        if (found.isEmpty()
                || contact.isEmpty()
                || contact.get().emailEnc() == null
                || repository.imported(confirmed.signatureId())) {
            return;
        }
        AfterConfirming.Supporter supporter = found.get();
        Locale locale = Locale.forLanguageTag(supporter.locale());
        var campaign = campaigns.summary(supporter.campaignId(), locale);
        if (campaign.isEmpty()) {
            return;
        }
        List<AfterConfirming.Offer> offers = afterConfirming.stream()
                .flatMap(a -> a.offer(supporter, locale).stream())
                .toList();
        SignatureReceipts source = receipts.getIfAvailable();
        SignatureReceipts.Receipt receipt =
                source == null ? null : source.receipt(confirmed.signatureId()).orElse(null);
        String email = personalData.decrypt(contact.get().emailEnc(), Signing.EMAIL_CONTEXT);
        outbox.enqueue(
                mails.thankYou(
                        email,
                        supporter.firstName(),
                        campaign.get().title(),
                        offers,
                        receipt,
                        "/campaigns/" + campaign.get().slug(),
                        locale),
                reference(confirmed.signatureId()),
                MailPriority.NOTICE);
    }
}
