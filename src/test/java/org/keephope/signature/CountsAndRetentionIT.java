package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CountsAndRetentionIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignatureCounts counts;

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    Campaigns campaigns;

    @Test
    void countersAreExactAfterReconciliationWhateverHappenedToThem() {
        Signer pia = new Signer("Pia", "PT");
        post(PAGE + "/sign", pia.formFrom(get(PAGE).body()));
        post(Signer.link(pia.awaitMail(), "/confirm/"), Map.of());
        long campaign = campaigns.ref("keep-hope-alive").orElseThrow().id();
        long exact = jdbc.sql("select count(*) from signature where campaign_id = ? and status = 'CONFIRMED'")
                .param(campaign)
                .query(Long.class)
                .single();

        // drift as a crash between two systems could leave it: a shard lost, another inflated
        jdbc.sql("delete from signature_count where campaign_id = ? and country = 'PT'")
                .param(campaign)
                .update();
        jdbc.sql("insert into signature_count (campaign_id, country, shard, n) values (?, 'ZZ', 3, 42)")
                .param(campaign)
                .update();
        counts.invalidate(campaign);
        assertThat(counts.tally(campaign).total()).isNotEqualTo(exact);

        assertThat(counts.reconcile()).isGreaterThanOrEqualTo(43);
        assertThat(counts.tally(campaign).total()).isEqualTo(exact);
        assertThat(counts.exactByCountry(campaign)).containsKey("PT").doesNotContainKey("ZZ");
        assertThat(counts.reconcile()).as("nothing left to correct").isZero();
    }

    @Test
    void unconfirmedSignaturesArePurgedAfterTheRetention() {
        Signer old = new Signer("Old", "GR");
        post(PAGE + "/sign", old.formFrom(get(PAGE).body()));
        old.awaitMail();
        jdbc.sql("update signature set created_at = ? where country = 'GR' and status = 'PENDING'")
                .param(OffsetDateTime.now().minusDays(31))
                .update();
        assertThat(housekeeping.purgeUnconfirmed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from signature where country = 'GR' and status = 'PENDING'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withAnSmtpServerTheDevMailboxDoesNotExist() {
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(404);
    }

    @Test
    void whatASignerTypesIsEscapedInTheMail() {
        Signer tricky = new Signer("<img src=x onerror=alert(1)>", "SE");
        assertThat(post(PAGE + "/sign", tricky.formFrom(get(PAGE).body())).statusCode())
                .isEqualTo(303);
        var mail = tricky.awaitMail();
        assertThat(Signer.html(mail))
                .contains("Hello &lt;img src=x onerror=alert(1)&gt;,")
                .doesNotContain("<img src=x");
        assertThat(Signer.text(mail)).contains("Hello <img src=x onerror=alert(1)>,");
    }
}
