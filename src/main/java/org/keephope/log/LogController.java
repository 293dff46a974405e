package org.keephope.log;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log as anyone may fetch and mirror it: the signed checkpoint, the C2SP tlog-tiles (hash tiles and entry
 * bundles; a full tile never changes, so it is cacheable for a year), and inclusion and consistency proofs as
 * JSON. A tile the tree does not have is a 404; a bad proof request a 400 problem.
 */
@RestController
class LogController {

    /** A proof request refused before it reaches us (e.g. a NUL in its query) is still a JSON problem. */
    @org.springframework.context.annotation.Bean
    static org.keephope.web.ProblemRoutes logProblemRoutes() {
        return new org.keephope.web.ProblemRoutes("/campaigns/*/log/proof/**");
    }

    static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final Campaigns campaigns;
    private final SignatureLogs logs;

    LogController(Campaigns campaigns, SignatureLogs logs) {
        this.campaigns = campaigns;
        this.logs = logs;
    }

    @GetMapping("/campaigns/{slug}/log/checkpoint")
    ResponseEntity<?> checkpoint(@PathVariable String slug) {
        var campaign = find(slug);
        if (campaign == null) {
            return notFound();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(2)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .contentType(TEXT)
                .body(logs.open(campaign.id()).note());
    }

    @GetMapping("/campaigns/{slug}/log/tile/**")
    ResponseEntity<?> tile(@PathVariable String slug, HttpServletRequest request) {
        var campaign = find(slug);
        String prefix = "/campaigns/" + slug + "/log/tile/";
        String uri = request.getRequestURI();
        TilePath tile =
                campaign == null || !uri.startsWith(prefix) ? null : TilePath.parse(uri.substring(prefix.length()));
        if (tile == null) {
            return notFound();
        }
        var head = logs.latestCheckpoint(campaign.id());
        var bytes = head.flatMap(h -> logs.tile(campaign.id(), h.treeSize(), tile));
        if (bytes.isEmpty()) {
            return notFound();
        }
        CacheControl cache = tile.full()
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
        return ResponseEntity.ok()
                .cacheControl(cache)
                .header("Access-Control-Allow-Origin", "*")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes.get());
    }

    @GetMapping(
            value = "/campaigns/{slug}/log/proof/inclusion",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> inclusion(
            @PathVariable String slug,
            @RequestParam(required = false) String index,
            @RequestParam(required = false) String size) {
        var campaign = find(slug);
        if (campaign == null) {
            return notFound();
        }
        long treeSize = signedSize(campaign);
        Long i = number(index);
        Long m = size == null ? Long.valueOf(treeSize) : number(size);
        if (i == null || m == null) {
            return problem("index and size are whole numbers: ?index=N&size=M");
        }
        if (m > treeSize) {
            return notSignedYet(treeSize, m);
        }
        if (i >= m) {
            return problem("a tree of size " + m + " has the indexes 0 to " + (m - 1));
        }
        var proof = logs.inclusion(campaign.id(), i, m);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", proof.index());
        body.put("size", proof.size());
        body.put("leafHash", base64(proof.leafHash()));
        body.put("proof", proof.proof().stream().map(LogController::base64).toList());
        return json(body);
    }

    @GetMapping(
            value = "/campaigns/{slug}/log/proof/consistency",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> consistency(
            @PathVariable String slug,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var campaign = find(slug);
        if (campaign == null) {
            return notFound();
        }
        long treeSize = signedSize(campaign);
        Long a = number(from);
        Long b = to == null ? Long.valueOf(treeSize) : number(to);
        if (a == null || b == null) {
            return problem("from and to are whole numbers: ?from=A&to=B");
        }
        if (b > treeSize) {
            return notSignedYet(treeSize, b);
        }
        if (a > b) {
            return problem("from must not be greater than to");
        }
        List<byte[]> proof = logs.consistency(campaign.id(), a, b);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", a);
        body.put("to", b);
        body.put("proof", proof.stream().map(LogController::base64).toList());
        return json(body);
    }

    /** The size of the latest signed tree: proofs are only given for trees a checkpoint has signed. */
    private long signedSize(CampaignRef campaign) {
        return logs.latestCheckpoint(campaign.id())
                .map(SignatureLogs.SignedHead::treeSize)
                .orElse(0L);
    }

    private static ResponseEntity<?> notSignedYet(long treeSize, long size) {
        return problem("the log has " + treeSize + " entries: no tree of size " + size + " was signed yet");
    }

    private CampaignRef find(String slug) {
        return campaigns.ref(slug).filter(c -> c.status().isPublic()).orElse(null);
    }

    static Long number(String value) {
        return value != null && value.matches("0|[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ResponseEntity<?> json(Map<String, Object> body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static ResponseEntity<?> problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Not a valid request");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<?> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such log or tile.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
