package org.keephope.news;

import java.time.Instant;
import java.util.List;

public record PostSummary(
        long id,
        String slug,
        String lang,
        String title,
        String excerpt,
        Instant publishedAt,
        List<Term> categories,
        List<Term> regions) {}
