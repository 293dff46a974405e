package org.keephope.site;

import java.util.Locale;
import org.keephope.campaign.Campaigns;
import org.keephope.news.News;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final int LATEST_NEWS = 5;

    private final Campaigns campaigns;
    private final News news;

    HomeController(Campaigns campaigns, News news) {
        this.campaigns = campaigns;
        this.news = news;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("campaigns", campaigns.live(locale));
        model.addAttribute("latest", news.latest(LATEST_NEWS, locale));
        return "pages/home";
    }
}
