package org.keephope.news;

/** Which posts to list: optional category and region (resolved to ids), combinable. */
record NewsFilter(Long categoryId, Long regionId) {

    static final NewsFilter ALL = new NewsFilter(null, null);

    String where() {
        StringBuilder sql = new StringBuilder(" where p.published_at is not null and p.published_at <= :now");
        if (categoryId != null) {
            sql.append(
                    " and exists (select 1 from post_category pc where pc.post_id = p.id and pc.category_id = :category)");
        }
        if (regionId != null) {
            sql.append(" and exists (select 1 from post_region pr where pr.post_id = p.id and pr.region_id = :region)");
        }
        return sql.toString();
    }
}
