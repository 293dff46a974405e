package org.keephope.news;

import java.time.Instant;
import java.util.List;

public record NewPost(
        String slug,
        String originalLocale,
        String title,
        String excerpt,
        String body,
        Instant publishedAt,
        Long campaignId,
        PressContact press,
        List<String> categorySlugs,
        List<String> regionSlugs) {}
