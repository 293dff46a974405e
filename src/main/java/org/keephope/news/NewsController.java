package org.keephope.news;

import java.util.Locale;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class NewsController {

    private final News news;

    NewsController(News news) {
        this.news = news;
    }

    @GetMapping("/news")
    String list(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String page,
            Locale locale,
            Model model) {
        model.addAttribute("news", news.page(category, region, PageNumber.parse(page), locale));
        return "pages/news";
    }

    @GetMapping("/news/{slug}")
    String post(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute("post", news.findPublished(slug, locale).orElseThrow(() -> PageNotFound.of("post", slug)));
        return "pages/post";
    }
}
