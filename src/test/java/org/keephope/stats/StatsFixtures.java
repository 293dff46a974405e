package org.keephope.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.signature.SignerLinks;
import org.keephope.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns and confirmed signatures of a test's own. A signature is stored as the sign form would leave it
 * (pending, with a confirmation and an erase link) and confirmed through {@link SignerLinks#confirm}, the
 * real confirmation path, so that the events the counts over time listen to are the real ones.
 */
final class StatsFixtures {

    record Signed(UUID id, String eraseToken) {}

    private final Campaigns campaigns;
    private final SignerLinks links;
    private final JdbcClient jdbc;

    StatsFixtures(Campaigns campaigns, SignerLinks links, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.links = links;
        this.jdbc = jdbc;
    }

    /** A live campaign with an event and a deadline; returns its slug. */
    String campaign(CampaignStatus status) {
        String slug = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        campaigns.create(new NewCampaign(
                slug,
                status,
                "en",
                "Charts " + slug,
                "A campaign for one chart test",
                "Body",
                null,
                null,
                new Event("Summit <&> \"talks\"", "Here", today.plusDays(3), today.plusDays(4)),
                today.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC),
                100,
                null));
        return slug;
    }

    long id(String slug) {
        return campaigns.ref(slug).orElseThrow().id();
    }

    Signed confirm(String slug, String country) {
        UUID id = UUID.randomUUID();
        String confirmToken = UUID.randomUUID().toString();
        String eraseToken = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into signature (id, campaign_id, status, country, comment_status, show_publicly,
                          keep_informed, locale, consent_version, created_at, confirm_token_hash, confirm_expires_at,
                          erase_token_hash)
                        values (?, ?, 'PENDING', ?, 'NONE', false, false, 'en', '2026-11', ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        id(slug),
                        country,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        Sha256.of(confirmToken),
                        OffsetDateTime.ofInstant(now.plus(1, ChronoUnit.DAYS), ZoneOffset.UTC),
                        Sha256.of(eraseToken))
                .update();
        var link = links.confirm(confirmToken);
        if (link.state() != SignerLinks.State.CONFIRMED) {
            throw new IllegalStateException("not confirmed: " + link.state());
        }
        return new Signed(id, eraseToken);
    }

    void erase(Signed signed) {
        if (!links.erase(signed.eraseToken())) {
            throw new IllegalStateException("not erased");
        }
    }
}
