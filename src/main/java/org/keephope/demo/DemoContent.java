package org.keephope.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.MemberRole;
import org.keephope.campaign.NewCampaign;
import org.keephope.campaign.PressContact;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.news.NewPost;
import org.keephope.news.News;
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
 * loaded on the first start against an empty database unless {@code KEEPHOPE_DEMO=false}.
 */
@Component
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    static final String CAMPAIGN = "keep-hope-alive";
    static final String POST = "campaign-launch-world-leaders-challenge-russia-on-human-rights";

    private final DemoProperties properties;
    private final Campaigns campaigns;
    private final Organisations organisations;
    private final News news;
    private final Targets targets;
    private final org.keephope.target.Letters letters;
    private final Partners partners;
    private final TransactionTemplate transaction;

    DemoContent(
            DemoProperties properties,
            Campaigns campaigns,
            Organisations organisations,
            News news,
            Targets targets,
            org.keephope.target.Letters letters,
            Partners partners,
            TransactionTemplate transaction) {
        this.targets = targets;
        this.letters = letters;
        this.partners = partners;
        this.properties = properties;
        this.campaigns = campaigns;
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
        } catch (DuplicateKeyException e) {
            log.info("Demo content was loaded by another node at the same time");
        }
    }

    private void load() {
        PressContact press = new PressContact("Cecilia Rosing", null, "+46 707 89 60 14");
        long campaign = campaigns.create(new NewCampaign(
                CAMPAIGN,
                CampaignStatus.LIVE,
                "en",
                "Keep Hope Alive: world leaders – challenge Russia on human rights",
                "Russian and international human rights organisations ask world leaders to challenge Russia on the"
                        + " deteriorating human rights situation and escalating clamp down on civil society in the"
                        + " context of the G20 meeting taking place in St Petersburg on 5-6 September.",
                DemoTexts.CAMPAIGN_BODY,
                "/img/keep-hope-alive.svg",
                "Keep Hope Alive",
                new Event("G20 summit", "St Petersburg", LocalDate.of(2013, 9, 5), LocalDate.of(2013, 9, 6)),
                null,
                10_000,
                press));
        campaigns.translate(
                campaign,
                SupportedLocales.RUSSIAN,
                "Не дадим надежде угаснуть: мировые лидеры, призовите Россию к соблюдению прав человека",
                "Российские и международные правозащитные организации призывают мировых лидеров поставить перед"
                        + " Россией вопрос об ухудшении положения с правами человека и усилении давления на"
                        + " гражданское общество в связи со встречей G20 в Санкт-Петербурге 5–6 сентября.",
                null);

        int position = 0;
        List<Organisation> coalition = new ArrayList<>();
        for (NewOrganisation o : DemoTexts.COALITION) {
            Organisation organisation = organisations.create(o);
            coalition.add(organisation);
            campaigns.addMember(campaign, organisation, MemberRole.SUPPORTER, position++);
            // each member collects supporters (a consent box each) and may embed the form on its website
            partners.configure(campaign, organisation, true, websiteOrigin(o.website()), Map.of(), "demo");
        }

        int order = 0;
        for (DemoTargets.Demo demo : DemoTargets.G20_2013) {
            long target = targets.byExternalId(demo.externalId())
                    .map(t -> t.id())
                    .orElseGet(() -> targets.create(demo.data(), "demo"));
            targets.addToCampaign(campaign, target, order++, null, DemoTargets.FALLBACK.contains(demo.externalId()));
        }
        letters.setTemplate(campaign, "en", DemoTexts.LETTER_SUBJECT_EN, DemoTexts.LETTER_TEXT_EN);
        letters.setTemplate(campaign, "ru", DemoTexts.LETTER_SUBJECT_RU, DemoTexts.LETTER_TEXT_RU);

        news.createCategory("news", Map.of("en", "News", "ru", "Новости"));
        news.createRegion("russia", Map.of("en", "Russia", "ru", "Россия"));
        long post = news.create(new NewPost(
                POST,
                "en",
                "Campaign launch: World leaders – challenge Russia on human rights",
                DemoTexts.POST_EXCERPT,
                DemoTexts.POST_BODY,
                // The seed carries no date; the launch came days before the summit of 5-6 September 2013.
                Instant.parse("2013-09-02T09:00:00Z"),
                campaign,
                new org.keephope.news.PressContact(press.name(), press.email(), press.phone()),
                List.of("news"),
                List.of("russia")));
        news.translate(
                post,
                SupportedLocales.RUSSIAN,
                "Запуск кампании: мировые лидеры, призовите Россию к соблюдению прав человека",
                "Сегодня российские и международные правозащитные организации начинают кампанию «Не дадим надежде"
                        + " угаснуть» (Keep Hope Alive), призывая мировых лидеров поставить перед Россией вопрос об"
                        + " ухудшении положения с правами человека и усилении давления на гражданское общество в"
                        + " связи со встречей G20 в Санкт-Петербурге 5–6 сентября.",
                null);
    }

    /** The origin of an organisation's website (its scheme and host), from which it may embed the form. */
    private static String websiteOrigin(String website) {
        java.net.URI uri = java.net.URI.create(website);
        return Partners.origin(uri.getScheme() + "://" + uri.getHost()).orElse(null);
    }
}
