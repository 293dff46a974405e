package org.keephope.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keephope.campaign.CampaignEditing;
import org.keephope.campaign.CampaignForm;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.news.NewPost;
import org.keephope.news.PostTranslation;
import org.keephope.news.PressContact;
import org.keephope.news.StaffNews;
import org.keephope.news.TermKind;
import org.keephope.partner.Partners;
import org.keephope.target.Targets;
import org.keephope.web.SupportedLocales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Keep Hope Alive launch, as the coalition published it (shared/seed/keep-hope-alive-launch.txt),
 * loaded on the first start against an empty database unless {@code KEEPHOPE_DEMO=false}, through the staff
 * facades a staff member's screens use (validated and audited, as actor "system"), not write paths of its own.
 */
@Component
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    static final String CAMPAIGN = "keep-hope-alive";
    static final String POST = "campaign-launch-world-leaders-challenge-russia-on-human-rights";

    /** Who the audit log says made the demo. */
    static final String ACTOR = "system";

    private static final String PRESS_NAME = "Cecilia Rosing";
    private static final String PRESS_PHONE = "+46 707 89 60 14";

    private final DemoProperties properties;
    private final Campaigns campaigns;
    private final CampaignEditing editing;
    private final Organisations organisations;
    private final StaffNews news;
    private final Targets targets;
    private final org.keephope.target.Letters letters;
    private final Partners partners;
    private final TransactionTemplate transaction;

    DemoContent(
            DemoProperties properties,
            Campaigns campaigns,
            CampaignEditing editing,
            Organisations organisations,
            StaffNews news,
            Targets targets,
            org.keephope.target.Letters letters,
            Partners partners,
            TransactionTemplate transaction) {
        this.targets = targets;
        this.letters = letters;
        this.partners = partners;
        this.properties = properties;
        this.campaigns = campaigns;
        this.editing = editing;
        this.organisations = organisations;
        this.news = news;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || campaigns.count() > 0) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> load());
            log.info("Loaded the demo campaign: /campaigns/{} (set KEEPHOPE_DEMO=false to start empty)", CAMPAIGN);
        } catch (DuplicateKeyException | LoadedElsewhere e) {
            log.info("Demo content was loaded by another node at the same time");
        }
    }

    private void load() {
        // Staff facades, as a staff member would (validated, audited as "system"): the campaign from its form,
        // published, translated; the coalition; the news post.
        var saved = editing.create(
                new CampaignForm(
                        CAMPAIGN,
                        "Keep Hope Alive: world leaders – challenge Russia on human rights",
                        "Russian and international human rights organisations ask world leaders to challenge Russia on"
                                + " the deteriorating human rights situation and escalating clamp down on civil society"
                                + " in the context of the G20 meeting taking place in St Petersburg on 5-6 September.",
                        DemoTexts.CAMPAIGN_BODY,
                        "/img/keep-hope-alive.svg",
                        "Keep Hope Alive",
                        "G20 summit",
                        "St Petersburg",
                        "2013-09-05",
                        "2013-09-06",
                        null,
                        "10000",
                        PRESS_NAME,
                        null,
                        PRESS_PHONE,
                        null),
                ACTOR);
        if (!saved.ok()) {
            if (saved.errors().containsKey("slug")) {
                throw new LoadedElsewhere();
            }
            throw new IllegalStateException("the demo campaign does not pass the campaign form: " + saved.errors());
        }
        editing.move(CAMPAIGN, CampaignEditing.Transition.PUBLISH, ACTOR);
        editing.translate(
                CAMPAIGN,
                SupportedLocales.RUSSIAN,
                "Не дадим надежде угаснуть: мировые лидеры, призовите Россию к соблюдению прав человека",
                "Российские и международные правозащитные организации призывают мировых лидеров поставить перед"
                        + " Россией вопрос об ухудшении положения с правами человека и усилении давления на"
                        + " гражданское общество в связи со встречей G20 в Санкт-Петербурге 5–6 сентября.",
                null,
                ACTOR);
        long campaign = campaigns.ref(CAMPAIGN).orElseThrow().id();

        int position = 0;
        for (NewOrganisation o : DemoTexts.COALITION) {
            Organisation organisation = organisations.create(o, ACTOR);
            editing.addMember(CAMPAIGN, organisation.slug(), MemberRole.SUPPORTER, position++, ACTOR);
            // each member collects supporters (a consent box each) and may embed the form on its website
            partners.configure(campaign, organisation, true, websiteOrigin(o.website()), Map.of(), ACTOR);
        }

        int order = 0;
        for (DemoTargets.Demo demo : DemoTargets.G20_2013) {
            long target = targets.byExternalId(demo.externalId())
                    .map(t -> t.id())
                    .orElseGet(() -> targets.create(demo.data(), ACTOR));
            targets.addToCampaign(campaign, target, order++, null, DemoTargets.FALLBACK.contains(demo.externalId()));
        }
        letters.setTemplate(campaign, "en", DemoTexts.LETTER_SUBJECT_EN, DemoTexts.LETTER_TEXT_EN);
        letters.setTemplate(campaign, "ru", DemoTexts.LETTER_SUBJECT_RU, DemoTexts.LETTER_TEXT_RU);

        news.createTerm(TermKind.CATEGORY, "news", Map.of("en", "News", "ru", "Новости"), ACTOR);
        news.createTerm(TermKind.REGION, "russia", Map.of("en", "Russia", "ru", "Россия"), ACTOR);
        long post = news.create(
                new NewPost(
                        POST,
                        "en",
                        "Campaign launch: World leaders – challenge Russia on human rights",
                        DemoTexts.POST_EXCERPT,
                        DemoTexts.POST_BODY,
                        // The seed carries no date; the launch came days before the summit of 5-6 September 2013.
                        Instant.parse("2013-09-02T09:00:00Z"),
                        campaign,
                        new PressContact(PRESS_NAME, null, PRESS_PHONE),
                        List.of("news"),
                        List.of("russia")),
                ACTOR);
        news.saveTranslation(
                post,
                SupportedLocales.RUSSIAN,
                new PostTranslation(
                        "Запуск кампании: мировые лидеры, призовите Россию к соблюдению прав человека",
                        "Сегодня российские и международные правозащитные организации начинают кампанию «Не дадим"
                                + " надежде угаснуть» (Keep Hope Alive), призывая мировых лидеров поставить перед"
                                + " Россией вопрос об ухудшении положения с правами человека и усилении давления на"
                                + " гражданское общество в связи со встречей G20 в Санкт-Петербурге 5–6 сентября.",
                        null),
                ACTOR);
    }

    /** Another node loaded the demo at the same time (its campaign's slug is taken). */
    private static final class LoadedElsewhere extends RuntimeException {
        LoadedElsewhere() {
            super(null, null, false, false);
        }
    }

    /** The origin of an organisation's website (its scheme and host), from which it may embed the form. */
    private static String websiteOrigin(String website) {
        java.net.URI uri = java.net.URI.create(website);
        return Partners.origin(uri.getScheme() + "://" + uri.getHost()).orElse(null);
    }
}
