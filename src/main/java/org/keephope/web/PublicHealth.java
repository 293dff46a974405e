package org.keephope.web;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port while the actuator lives on the metrics port
 * ({@code KEEPHOPE_METRICS_PORT}, see {@link MetricsPort}): the same answer as the actuator's, status only,
 * 503 unless UP. Boot's own way (a health group's additional path on the main server) takes one path segment
 * only, and load balancers, the systemd unit and our tests ask for {@code /actuator/health}.
 */
@RestController
@ConditionalOnExpression("!'${keephope.metrics.port:}'.isBlank()")
class PublicHealth {

    private final HealthEndpoint health;

    PublicHealth(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(value = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("status", status.getCode()));
    }
}
