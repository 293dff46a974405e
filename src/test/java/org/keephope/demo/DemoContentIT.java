package org.keephope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo is loaded through the staff facades (issue 9 item 6): what it made is in the audit log as made by
 * "system", with the same actions a staff member's screens record, and its campaign is live and translated.
 */
class DemoContentIT extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    List<String> systemActions(String objectType) {
        return jdbc.sql("select action from audit_entry where actor = 'system' and object_type = ? order by id")
                .param(objectType)
                .query(String.class)
                .list();
    }

    @Test
    void theDemoIsMadeThroughTheStaffFacadesAndAuditedAsSystem() {
        assertThat(systemActions("campaign"))
                .startsWith("campaign.create", "campaign.publish", "campaign.translate")
                .containsOnly(
                        "campaign.create",
                        "campaign.publish",
                        "campaign.translate",
                        "campaign.member.add",
                        "partner.settings");
        assertThat(systemActions("campaign"))
                .filteredOn("campaign.member.add"::equals)
                .hasSize(DemoTexts.COALITION.size());
        assertThat(systemActions("campaign"))
                .filteredOn("partner.settings"::equals)
                .hasSize(DemoTexts.COALITION.size());
        assertThat(systemActions("organisation"))
                .filteredOn("organisation.create"::equals)
                .hasSize(DemoTexts.COALITION.size());
        assertThat(systemActions("post")).containsExactly("post.create", "post.translate");
        assertThat(systemActions("category")).containsExactly("category.create");
        assertThat(systemActions("region")).containsExactly("region.create");
        assertThat(systemActions("target")).hasSize(DemoTargets.G20_2013.size()).containsOnly("target.create");

        assertThat(jdbc.sql("select status from campaign where slug = ?")
                        .param(DemoContent.CAMPAIGN)
                        .query(String.class)
                        .single())
                .isEqualTo("LIVE");
        assertThat(jdbc.sql("select count(*) from campaign_translation t join campaign c on c.id = t.campaign_id"
                                + " where c.slug = ? and t.locale = 'ru'")
                        .param(DemoContent.CAMPAIGN)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
