package org.keephope.campaign;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.web.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The campaign module's facade: campaigns, their event, lifecycle and coalition. */
@Service
@Transactional(readOnly = true)
public class Campaigns {

    private final CampaignRepository repository;
    private final Organisations organisations;
    private final Markdown markdown;
    private final Clock clock;

    Campaigns(CampaignRepository repository, Organisations organisations, Markdown markdown, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** A campaign the public may see (anything but a draft), in the reader's language. */
    public Optional<CampaignView> findPublic(String slug, Locale locale) {
        return repository
                .findTranslated(slug, locale.getLanguage())
                .filter(c -> c.status().isPublic())
                .map(this::view);
    }

    /** Any campaign, drafts included, as readers would see it: for a staff preview. */
    public Optional<CampaignView> findForPreview(String slug, Locale locale) {
        return repository.findTranslated(slug, locale.getLanguage()).map(this::view);
    }

    /** Live campaigns, newest first. */
    public List<CampaignSummary> live(Locale locale) {
        return summaries(List.of(CampaignStatus.LIVE), locale);
    }

    /** Every campaign in every state, for staff. */
    public List<CampaignSummary> all(Locale locale) {
        return summaries(List.of(CampaignStatus.values()), locale);
    }

    /** Every campaign the public may see, for the sitemap. */
    public List<CampaignSummary> published(Locale locale) {
        return summaries(List.of(CampaignStatus.LIVE, CampaignStatus.CLOSED, CampaignStatus.DELIVERED), locale);
    }

    /**
     * Campaigns whose signing ended before a time (closed then, or their deadline passed then, whichever was
     * first): the retention of their signers' personal data runs from that end.
     */
    public List<Long> endedBefore(java.time.Instant cutoff) {
        return repository.endedBefore(cutoff);
    }

    /** How many campaigns exist in any state; the demo content loads only into an empty database. */
    public long count() {
        return repository.count();
    }

    /** What signing needs of a public campaign, from one row: its reference and its title in the reader's language. */
    public Optional<SigningTarget> signingTarget(String slug, Locale locale) {
        return repository
                .findTranslated(slug, locale.getLanguage())
                .filter(c -> c.status().isPublic())
                .map(c -> new SigningTarget(ref(c), c.title()));
    }

    public Optional<CampaignRef> ref(String slug) {
        return repository.findBySlug(slug).map(Campaigns::ref);
    }

    public Optional<CampaignRef> ref(long id) {
        return repository.findById(id).map(Campaigns::ref);
    }

    /** When a campaign was first published (went live); empty for a draft. */
    public Optional<java.time.Instant> launchedAt(long id) {
        return repository.launchedAt(id);
    }

    /** Title and slug of a campaign in the reader's language, for links from other pages. */
    public Optional<CampaignSummary> summary(long id, Locale locale) {
        return repository.findTranslatedById(id, locale.getLanguage()).map(Campaigns::summary);
    }

    @Transactional
    public long create(NewCampaign campaign) {
        return repository.insert(campaign, clock.instant());
    }

    @Transactional
    public void translate(long campaignId, Locale locale, String title, String summary, String body) {
        repository.insertTranslation(campaignId, locale.getLanguage(), title, summary, body);
    }

    @Transactional
    public void addMember(long campaignId, Organisation organisation, MemberRole role, int position) {
        repository.insertMember(campaignId, organisation.id(), role, position);
    }

    private List<CampaignSummary> summaries(List<CampaignStatus> statuses, Locale locale) {
        return repository.findByStatus(statuses.stream().map(Enum::name).toList(), locale.getLanguage()).stream()
                .map(Campaigns::summary)
                .toList();
    }

    private CampaignView view(CampaignRow c) {
        var memberRows = repository.findMembers(c.id());
        Map<Long, Organisation> byId = organisations.byIds(memberRows.stream()
                .map(CampaignRepository.MemberRow::organisationId)
                .toList());
        List<Member> members = memberRows.stream()
                .map(m -> new Member(byId.get(m.organisationId()), m.role()))
                .toList();
        return new CampaignView(
                c.id(),
                c.slug(),
                c.status(),
                c.lang(),
                c.title(),
                c.summary(),
                markdown.toSafeHtml(c.body()),
                c.image(),
                c.imageAlt(),
                c.event(),
                c.deadline(),
                c.signatureGoal(),
                c.press(),
                members,
                c.updatedAt());
    }

    private static CampaignSummary summary(CampaignRow c) {
        return new CampaignSummary(
                c.id(), c.slug(), c.status(), c.title(), c.summary(), c.image(), c.event(), c.updatedAt());
    }

    private static CampaignRef ref(CampaignRow c) {
        return new CampaignRef(c.id(), c.slug(), c.status(), c.deadline(), c.signatureGoal());
    }
}
