package org.keephope.campaign;

import java.time.Instant;

public record NewCampaign(
        String slug,
        CampaignStatus status,
        String originalLocale,
        String title,
        String summary,
        String body,
        String image,
        String imageAlt,
        Event event,
        Instant deadline,
        Integer signatureGoal,
        PressContact press) {}
