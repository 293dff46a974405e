package org.keephope.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.signature.SignerLinks;
import org.keephope.support.Sha256;
import org.keephope.target.TargetData;
import org.keephope.target.TargetNames;
import org.keephope.target.Targets;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A live campaign of a test's own with two targets (one named in Russian too) and confirmed signatures, each
 * stored as the sign form leaves it and confirmed through {@link SignerLinks#confirm}, the real path.
 */
final class DeliveryFixtures {

    record Campaign(String slug, long id, long germany, long france) {}

    private final Campaigns campaigns;
    private final Targets targets;
    private final SignerLinks links;
    private final JdbcClient jdbc;

    DeliveryFixtures(Campaigns campaigns, Targets targets, SignerLinks links, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.targets = targets;
        this.links = links;
        this.jdbc = jdbc;
    }

    Campaign campaign() {
        String slug = "delivery-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long id = campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Deliver " + slug,
                "Free the prisoners",
                "We ask the leaders to **speak up** for the prisoners.",
                null,
                null,
                new Event("Summit", "Saint Petersburg", today.plusDays(3), today.plusDays(4)),
                today.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC),
                100,
                null));
        campaigns.translate(
                id,
                java.util.Locale.forLanguageTag("ru"),
                "Вручить " + slug,
                "Освободите узников",
                "Мы просим лидеров **заступиться** за узников.");
        long germany =
                target(slug + "-de", "DE", "Angela Merkel", "Chancellor", "Ангела Меркель", "Федеральный канцлер");
        long france = target(slug + "-fr", "FR", "François Hollande", "President", "Франсуа Олланд", "Президент");
        targets.addToCampaign(id, germany, 1, null, false);
        targets.addToCampaign(id, france, 2, null, true);
        return new Campaign(slug, id, germany, france);
    }

    private long target(String externalId, String country, String name, String title, String nameRu, String titleRu) {
        return targets.create(
                new TargetData(
                        externalId,
                        country,
                        new TargetNames(name, title, null),
                        Map.of("ru", new TargetNames(nameRu, titleRu, null)),
                        List.of("office-" + externalId + "@example.invalid"),
                        null,
                        "Europe/Berlin",
                        true),
                "fixture@keephope.test");
    }

    /** One confirmed signature; {@code shownAs} non-null: shown in public under that first name. */
    UUID confirm(long campaignId, String country, String shownAs, String approvedComment) {
        UUID id = UUID.randomUUID();
        String confirmToken = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into signature (id, campaign_id, status, country, public_name, comment, comment_status,
                          show_publicly, keep_informed, locale, consent_version, created_at, confirm_token_hash,
                          confirm_expires_at, erase_token_hash)
                        values (?, ?, 'PENDING', ?, ?, ?, ?, ?, false, 'en', '2026-11', ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        campaignId,
                        country,
                        shownAs,
                        approvedComment,
                        approvedComment == null ? "NONE" : "PENDING",
                        shownAs != null,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        Sha256.of(confirmToken),
                        OffsetDateTime.ofInstant(now.plus(1, ChronoUnit.DAYS), ZoneOffset.UTC),
                        Sha256.of(UUID.randomUUID().toString()))
                .update();
        var link = links.confirm(confirmToken);
        if (link.state() != SignerLinks.State.CONFIRMED) {
            throw new IllegalStateException("not confirmed: " + link.state());
        }
        if (approvedComment != null) {
            jdbc.sql("update signature set comment_status = 'APPROVED' where id = ?")
                    .param(id)
                    .update();
        }
        return id;
    }
}
