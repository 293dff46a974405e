package org.keephope.news;

import java.time.Instant;
import java.util.List;
import org.keephope.campaign.PressContact;

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
