package org.keephope.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;

class AtomFeedIT extends AbstractIntegrationTest {

    @Test
    void theNewsFeedIsValidAtomWithTheLaunchPost() throws Exception {
        var response = get("/feeds/news.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(1);
        var entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Campaign launch: World leaders – challenge Russia on human rights");
        assertThat(entry.getLink())
                .isEqualTo("http://keephope.test/news/campaign-launch-world-leaders-challenge-russia-on-human-rights");
        assertThat(entry.getCategories()).extracting(c -> c.getName()).contains("news", "russia");
        assertThat(entry.getContents().get(0).getValue()).contains("Since Putin’s return to presidency");
    }

    @Test
    void feedsPerCategoryAndRegion() throws Exception {
        for (String query : new String[] {"?region=russia", "?category=news", "?category=news&region=russia"}) {
            var response = get("/feeds/news.atom" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            assertThat(feed.getEntries()).as(query).hasSize(1);
        }
        SyndFeed russia = new SyndFeedInput()
                .build(new StringReader(get("/feeds/news.atom?region=russia").body()));
        assertThat(russia.getTitle()).endsWith("Russia");
    }

    @Test
    void aRussianReaderGetsTheRussianFeed() throws Exception {
        String xml = get("/feeds/news.atom?lang=ru").body();
        assertThat(xml).contains("xml:lang=\"ru\"");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getTitle()).isEqualTo("Новости KeepHope");
        assertThat(feed.getEntries().get(0).getTitle()).startsWith("Запуск кампании");
    }

    @Test
    void pagesAnnounceTheirFeed() {
        assertThat(get("/").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("href=\"/feeds/news.atom\"");
        assertThat(get("/news?region=russia").body())
                .contains("type=\"application/atom+xml\"")
                .contains("href=\"/feeds/news.atom?region=russia\"");
    }
}
