package org.keephope.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a partner sees of one campaign: the signatures it brought ({@code ?src=}), the supporters who opted in
 * to it (confirmed), those by country and by day, and its own bars (drawn from these figures alone). Nothing
 * of any other partner.
 */
public record PartnerFigures(
        String slug,
        String title,
        boolean collects,
        long attributed,
        long attributedConfirmed,
        long optIns,
        Map<String, Long> optInsByCountry,
        Map<LocalDate, Long> optInsByDay,
        org.keephope.stats.Figures.PartnerBarsFigure chart) {

    public List<Map.Entry<String, Long>> countries() {
        return optInsByCountry.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
