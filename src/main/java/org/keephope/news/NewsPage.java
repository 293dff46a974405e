package org.keephope.news;

import java.util.List;

/** One page of the news list, with the filters that produced it. */
public record NewsPage(List<PostSummary> posts, int page, int pages, long total, Term category, Term region) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
