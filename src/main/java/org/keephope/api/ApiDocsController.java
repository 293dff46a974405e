package org.keephope.api;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /docs/api}: the API for people, drawn on the server from the OpenAPI document springdoc makes of
 * the controllers. No Swagger UI: it would need script (and a CDN, as usually set up), and our pages work
 * without either under the site's CSP.
 */
@Controller
class ApiDocsController {

    private final OpenApiWebMvcResource openApi;

    ApiDocsController(OpenApiWebMvcResource openApi) {
        this.openApi = openApi;
    }

    @GetMapping("/docs/api")
    String page(HttpServletRequest request, Model model) {
        model.addAttribute("api", ApiDocs.of(document(request)));
        return "api/docs";
    }

    private OpenAPI document(HttpServletRequest request) {
        try {
            byte[] json = openApi.openapiJson(request, "/api/openapi.json", Locale.ENGLISH);
            return Json31.mapper().readValue(json, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
