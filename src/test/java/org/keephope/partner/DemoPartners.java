package org.keephope.partner;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.coalition.Organisations;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo campaign's partners as the demo sets them up: each collects, with the default texts, and may embed
 * the form from its website's origin. Tests that rely on that call it first: other tests in the same database
 * change these settings.
 */
final class DemoPartners {

    private DemoPartners() {}

    static void asTheDemoSetsThemUp(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Organisations organisations = context.getBean(Organisations.class);
        Partners partners = context.getBean(Partners.class);
        MessageSource messages = context.getBean(MessageSource.class);
        long campaign = jdbc.sql("select id from campaign where slug = 'keep-hope-alive'")
                .query(Long.class)
                .single();
        List<Long> members = jdbc.sql("select organisation_id from partner_campaign where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .list();
        for (var organisation : organisations.byIds(members).values()) {
            Map<String, String> texts = new HashMap<>();
            for (String locale : List.of("en", "ru")) {
                texts.put(
                        locale,
                        messages.getMessage(
                                "partner.consent.default",
                                new Object[] {organisation.name()},
                                Locale.forLanguageTag(locale)));
            }
            URI website = URI.create(organisation.website());
            String origin = Partners.origin(website.getScheme() + "://" + website.getHost())
                    .orElseThrow();
            partners.configure(campaign, organisation, true, origin, texts, "test");
        }
    }
}
