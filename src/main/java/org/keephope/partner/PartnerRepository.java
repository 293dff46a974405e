package org.keephope.partner;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnerRepository {

    /** A coalition member's settings for one campaign. */
    record Setting(long campaignId, long organisationId, boolean collects, String embedOrigin) {}

    record Text(long id, long organisationId, String locale, int version, String text) {}

    record Key(long organisationId, String publicKeyset, Instant registeredAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PartnerRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<Setting> settings(long campaignId) {
        return jdbc.sql("select campaign_id, organisation_id, collects, embed_origin from partner_campaign"
                        + " where campaign_id = ? order by organisation_id")
                .param(campaignId)
                .query((rs, n) -> new Setting(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4)))
                .list();
    }

    List<Setting> settingsOf(long organisationId) {
        return jdbc.sql("select campaign_id, organisation_id, collects, embed_origin from partner_campaign"
                        + " where organisation_id = ? order by campaign_id")
                .param(organisationId)
                .query((rs, n) -> new Setting(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4)))
                .list();
    }

    void saveSetting(Setting s) {
        int updated = jdbc.sql("update partner_campaign set collects = ?, embed_origin = ?"
                        + " where campaign_id = ? and organisation_id = ?")
                .params(s.collects(), s.embedOrigin(), s.campaignId(), s.organisationId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into partner_campaign (campaign_id, organisation_id, collects, embed_origin)"
                            + " values (?, ?, ?, ?)")
                    .params(s.campaignId(), s.organisationId(), s.collects(), s.embedOrigin())
                    .update();
        }
    }

    /** Every version of the texts of these organisations, oldest first. */
    List<Text> texts(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, organisation_id, locale, version, text from consent_text"
                        + " where organisation_id in (:ids) order by organisation_id, locale, version")
                .param("ids", organisationIds)
                .query((rs, n) ->
                        new Text(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    Optional<Text> text(long id) {
        return jdbc.sql("select id, organisation_id, locale, version, text from consent_text where id = ?")
                .param(id)
                .query((rs, n) ->
                        new Text(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .optional();
    }

    /** A new version of an organisation's text in a locale (the first is version 1). */
    void addText(long organisationId, String locale, String text, Instant now) {
        int next = jdbc.sql(
                        "select coalesce(max(version), 0) + 1 from consent_text where organisation_id = ? and locale = ?")
                .params(organisationId, locale)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into consent_text (organisation_id, locale, version, text, created_at) values (?, ?, ?, ?, ?)")
                .params(organisationId, locale, next, text, Rows.param(now))
                .update();
    }

    Optional<Key> key(long organisationId) {
        return jdbc.sql(
                        "select organisation_id, public_keyset, registered_at from partner_key where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> new Key(rs.getLong(1), rs.getString(2), Rows.instant(rs, "registered_at")))
                .optional();
    }

    List<Key> keys(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select organisation_id, public_keyset, registered_at from partner_key"
                        + " where organisation_id in (:ids)")
                .param("ids", organisationIds)
                .query((rs, n) -> new Key(rs.getLong(1), rs.getString(2), Rows.instant(rs, "registered_at")))
                .list();
    }

    void saveKey(long organisationId, String publicKeyset, Instant now) {
        jdbc.sql("delete from partner_key where organisation_id = ?")
                .param(organisationId)
                .update();
        jdbc.sql("insert into partner_key (organisation_id, public_keyset, registered_at) values (?, ?, ?)")
                .params(organisationId, publicKeyset, Rows.param(now))
                .update();
    }

    // --- written with a new signature (ConsentAttachment) ---

    void insertConsents(List<ConsentAttachment.Consent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into partner_consent (signature_id, organisation_id, campaign_id, consent_text_id, ticked,
                  shown_at, page, country)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, rows.size(), (PreparedStatement ps, ConsentAttachment.Consent c) -> {
            ps.setObject(1, c.signatureId());
            ps.setLong(2, c.organisationId());
            ps.setLong(3, c.campaignId());
            ps.setLong(4, c.textId());
            ps.setBoolean(5, c.ticked());
            ps.setObject(6, Rows.param(c.shownAt()));
            ps.setString(7, c.page());
            ps.setString(8, c.country());
        });
    }

    void insertCopies(List<ConsentAttachment.Copy> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into partner_supporter (signature_id, organisation_id, campaign_id, sealed, sealed_with,
                  created_at)
                values (?, ?, ?, ?, ?, ?)
                """, rows, rows.size(), (PreparedStatement ps, ConsentAttachment.Copy c) -> {
            ps.setObject(1, c.signatureId());
            ps.setLong(2, c.organisationId());
            ps.setLong(3, c.campaignId());
            ps.setBytes(4, c.sealed());
            ps.setString(5, c.sealedWith());
            ps.setObject(6, Rows.param(c.createdAt()));
        });
    }

    void insertSources(List<ConsentAttachment.Source> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into signature_source (signature_id, organisation_id, campaign_id, country, created_at)
                values (?, ?, ?, ?, ?)
                """, rows, rows.size(), (PreparedStatement ps, ConsentAttachment.Source s) -> {
            ps.setObject(1, s.signatureId());
            ps.setLong(2, s.organisationId());
            ps.setLong(3, s.campaignId());
            ps.setString(4, s.country());
            ps.setObject(5, Rows.param(s.createdAt()));
        });
    }

    // --- the signature module's events ---

    void confirmed(UUID signatureId, Instant at) {
        for (String table : List.of("partner_consent", "partner_supporter", "signature_source")) {
            jdbc.sql("update " + table + " set confirmed_at = ? where signature_id = ? and confirmed_at is null")
                    .params(Rows.param(at), signatureId)
                    .update();
        }
    }

    int eraseCopies(UUID signatureId) {
        return jdbc.sql("delete from partner_supporter where signature_id = ?")
                .param(signatureId)
                .update();
    }

    // --- a supporter's withdrawal of one partner's consent (ConsentWithdrawal) ---

    record Given(long organisationId, long campaignId, Instant withdrawnAt) {}

    /** The partners this signature opted in to (ticked boxes), withdrawn or not. */
    List<Given> given(UUID signatureId) {
        return jdbc.sql("select organisation_id, campaign_id, withdrawn_at from partner_consent"
                        + " where signature_id = ? and ticked = true order by organisation_id")
                .param(signatureId)
                .query((rs, n) -> new Given(rs.getLong(1), rs.getLong(2), Rows.instant(rs, "withdrawn_at")))
                .list();
    }

    /** Records the withdrawal; false when it was withdrawn already (or never given). */
    boolean withdraw(UUID signatureId, long organisationId, Instant at) {
        return jdbc.sql("update partner_consent set withdrawn_at = ? where signature_id = ? and organisation_id = ?"
                                + " and ticked = true and withdrawn_at is null")
                        .params(Rows.param(at), signatureId, organisationId)
                        .update()
                == 1;
    }

    int eraseCopy(UUID signatureId, long organisationId) {
        return jdbc.sql("delete from partner_supporter where signature_id = ? and organisation_id = ?")
                .params(signatureId, organisationId)
                .update();
    }

    // --- counts (a withdrawn consent counts for nobody) ---

    record Count(long organisationId, long signatures, long confirmed) {}

    /** Signatures attributed by ?src= per partner, all and confirmed. */
    List<Count> sourceCounts(long campaignId) {
        return jdbc.sql("select organisation_id, count(*), count(confirmed_at) from signature_source"
                        + " where campaign_id = ? group by organisation_id order by organisation_id")
                .param(campaignId)
                .query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Opt-ins (ticked boxes) per partner, all and confirmed. */
    List<Count> optInCounts(long campaignId) {
        return jdbc.sql("select organisation_id, count(*), count(confirmed_at) from partner_consent"
                        + " where campaign_id = ? and ticked = true and withdrawn_at is null"
                        + " group by organisation_id order by organisation_id")
                .param(campaignId)
                .query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    // --- a partner's own view (every query names the partner's organisation) ---

    record Own(long signatures, long confirmed) {}

    Own attributedTo(long organisationId, long campaignId) {
        return jdbc.sql("select count(*), count(confirmed_at) from signature_source"
                        + " where organisation_id = ? and campaign_id = ?")
                .params(organisationId, campaignId)
                .query((rs, n) -> new Own(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Confirmed opt-ins to this partner per country. */
    java.util.Map<String, Long> optInsByCountry(long organisationId, long campaignId) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select country, count(*) from partner_consent where organisation_id = ? and campaign_id = ?"
                        + " and ticked = true and withdrawn_at is null and confirmed_at is not null"
                        + " group by country order by country")
                .params(organisationId, campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Confirmed opt-ins to this partner per day of confirmation (UTC). */
    java.util.Map<java.time.LocalDate, Long> optInsByDay(long organisationId, long campaignId) {
        java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select confirmed_at from partner_consent where organisation_id = ? and campaign_id = ?"
                        + " and ticked = true and withdrawn_at is null and confirmed_at is not null")
                .params(organisationId, campaignId)
                .query((rs, n) -> Rows.instant(rs, "confirmed_at"))
                .list()
                .forEach(at -> counts.merge(at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 1L, Long::sum));
        return counts;
    }

    record Sealed(
            UUID signatureId,
            long organisationId,
            Instant confirmedAt,
            int consentVersion,
            String consentLocale,
            byte[] sealed,
            String sealedWith) {}

    /**
     * Confirmed copies of supporters who ticked the partner's box and did not withdraw it, with the consent they
     * gave: what a partner may receive, by its export, its API key or its webhooks.
     */
    private static final String CONSENTED_COPIES = """
              from partner_supporter s
              join partner_consent c on c.signature_id = s.signature_id and c.organisation_id = s.organisation_id
              join consent_text t on t.id = c.consent_text_id
             where s.confirmed_at is not null and c.ticked = true and c.withdrawn_at is null
            """;

    private static final String CONFIRMED_COPIES =
            "select s.signature_id, s.organisation_id, s.confirmed_at, t.version, t.locale, s.sealed, s.sealed_with"
                    + CONSENTED_COPIES;

    private static Sealed sealed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sealed(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                Rows.instant(rs, "confirmed_at"),
                rs.getInt(4),
                rs.getString(5),
                rs.getBytes(6),
                rs.getString(7));
    }

    /** This partner's confirmed supporters in a campaign, with the consent they gave. */
    List<Sealed> supporters(long organisationId, long campaignId) {
        return jdbc.sql(CONFIRMED_COPIES
                        + " and s.organisation_id = ? and s.campaign_id = ? order by s.confirmed_at, s.signature_id")
                .params(organisationId, campaignId)
                .query(PartnerRepository::sealed)
                .list();
    }

    /** A partner's copies still sealed with the host's key (sealed before it registered its own), locked. */
    List<Sealed> sealedByHost(long organisationId) {
        return jdbc.sql("select signature_id, organisation_id, sealed from partner_supporter"
                        + " where organisation_id = ? and sealed_with = 'HOST' for update")
                .param(organisationId)
                .query((rs, n) ->
                        new Sealed(rs.getObject(1, UUID.class), rs.getLong(2), null, 0, null, rs.getBytes(3), "HOST"))
                .list();
    }

    void reseal(UUID signatureId, long organisationId, byte[] sealed) {
        jdbc.sql("update partner_supporter set sealed = ?, sealed_with = 'PARTNER'"
                        + " where signature_id = ? and organisation_id = ? and sealed_with = 'HOST'")
                .params(sealed, signatureId, organisationId)
                .update();
    }

    // --- a partner's API key (every query names the partner's organisation) ---

    record Opted(
            UUID signatureId,
            long campaignId,
            Instant confirmedAt,
            int consentVersion,
            String consentLocale,
            byte[] sealed,
            String sealedWith) {}

    private static final String OPTED =
            "select s.signature_id, s.campaign_id, s.confirmed_at, t.version, t.locale, s.sealed, s.sealed_with"
                    + CONSENTED_COPIES + " and s.organisation_id = :org";

    private static Opted opted(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Opted(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                Rows.instant(rs, "confirmed_at"),
                rs.getInt(4),
                rs.getString(5),
                rs.getBytes(6),
                rs.getString(7));
    }

    /** Keyset page of this partner's confirmed opt-ins to a campaign, by confirmation then signature id. */
    List<Opted> optedPage(
            long organisationId,
            long campaignId,
            Instant since,
            Instant until,
            Instant afterAt,
            UUID afterId,
            int limit) {
        StringBuilder sql = new StringBuilder(OPTED).append(" and s.campaign_id = :campaign");
        if (since != null) {
            sql.append(" and s.confirmed_at >= :since");
        }
        if (until != null) {
            sql.append(" and s.confirmed_at < :until");
        }
        if (afterAt != null) {
            sql.append(" and (s.confirmed_at > :afterAt or (s.confirmed_at = :afterAt and s.signature_id > :afterId))");
        }
        sql.append(" order by s.confirmed_at, s.signature_id limit :limit");
        var statement = jdbc.sql(sql.toString())
                .param("org", organisationId)
                .param("campaign", campaignId)
                .param("limit", limit);
        if (since != null) {
            statement = statement.param("since", Rows.param(since));
        }
        if (until != null) {
            statement = statement.param("until", Rows.param(until));
        }
        if (afterAt != null) {
            statement = statement.param("afterAt", Rows.param(afterAt)).param("afterId", afterId);
        }
        return statement.query(PartnerRepository::opted).list();
    }

    /** This partner's confirmed opt-ins, of one campaign or (null) of all, by number: OSDI pages so. */
    List<Opted> optedByNumber(long organisationId, Long campaignId, int offset, int limit) {
        String sql = OPTED + (campaignId == null ? "" : " and s.campaign_id = :campaign")
                + " order by s.confirmed_at, s.signature_id limit :limit offset :offset";
        var statement =
                jdbc.sql(sql).param("org", organisationId).param("limit", limit).param("offset", offset);
        if (campaignId != null) {
            statement = statement.param("campaign", campaignId);
        }
        return statement.query(PartnerRepository::opted).list();
    }

    long optedCount(long organisationId, Long campaignId) {
        String sql =
                "select count(*) from (" + OPTED + (campaignId == null ? "" : " and s.campaign_id = :campaign") + ") o";
        var statement = jdbc.sql(sql).param("org", organisationId);
        if (campaignId != null) {
            statement = statement.param("campaign", campaignId);
        }
        return statement.query(Long.class).single();
    }

    Optional<Opted> opted(long organisationId, UUID signatureId) {
        return jdbc.sql(OPTED + " and s.signature_id = :id")
                .param("org", organisationId)
                .param("id", signatureId)
                .query(PartnerRepository::opted)
                .optional();
    }

    /** The partner each of these signatures was attributed to ({@code ?src=}), by organisation id. */
    Map<UUID, Long> sourcesOf(java.util.Collection<UUID> signatureIds) {
        if (signatureIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> sources = new java.util.HashMap<>();
        jdbc.sql("select signature_id, organisation_id from signature_source where signature_id in (:ids)")
                .param("ids", List.copyOf(signatureIds))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list()
                .forEach(e -> sources.put(e.getKey(), e.getValue()));
        return sources;
    }

    /** The confirmed copies of one supporter that partners it opted in to hold, with the consent given. */
    List<Sealed> confirmedCopies(UUID signatureId) {
        return jdbc.sql(CONFIRMED_COPIES + " and s.signature_id = ? order by s.organisation_id")
                .param(signatureId)
                .query(PartnerRepository::sealed)
                .list();
    }

    /** The partners holding a copy of this supporter (read before an erasure deletes them). */
    List<Long> holdersOf(UUID signatureId) {
        return jdbc.sql("select distinct organisation_id from partner_supporter where signature_id = ?")
                .param(signatureId)
                .query(Long.class)
                .list();
    }
}
