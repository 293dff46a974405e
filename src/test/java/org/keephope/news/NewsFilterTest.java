package org.keephope.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsFilterTest {

    private static final String PUBLISHED = " where p.published_at is not null and p.published_at <= :now";

    private static final String IN_CATEGORY =
            " and exists (select 1 from post_category pc where pc.post_id = p.id and pc.category_id = :category)";

    private static final String IN_REGION =
            " and exists (select 1 from post_region pr where pr.post_id = p.id and pr.region_id = :region)";

    @Test
    void withoutAFilterOnlyPublishedPostsAreListed() {
        assertThat(NewsFilter.ALL.where()).isEqualTo(PUBLISHED);
        assertThat(new NewsFilter(null, null).where()).isEqualTo(PUBLISHED);
    }

    @Test
    void aCategoryAddsItsCondition() {
        assertThat(new NewsFilter(7L, null).where()).isEqualTo(PUBLISHED + IN_CATEGORY);
    }

    @Test
    void aRegionAddsItsCondition() {
        assertThat(new NewsFilter(null, 9L).where()).isEqualTo(PUBLISHED + IN_REGION);
    }

    @Test
    void categoryAndRegionCombine() {
        assertThat(new NewsFilter(7L, 9L).where()).isEqualTo(PUBLISHED + IN_CATEGORY + IN_REGION);
    }

    @Test
    void theIdsTravelAsParametersNeverInTheSql() {
        assertThat(new NewsFilter(1234567L, 7654321L).where()).doesNotContain("1234567", "7654321");
    }
}
