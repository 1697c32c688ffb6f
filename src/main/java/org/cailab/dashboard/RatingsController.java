package org.cailab.dashboard;

import java.util.Locale;
import java.util.Map;
import org.cailab.comparison.ComparisonTask;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/ratings?task=helpfulness|harmlessness&method=bt|elo&bootstrap=N&anchor=NAME}: the leaderboard of
 * one task as JSON ({@link LeaderboardExport#json}), for scripts. Authentication: see {@code org.cailab.security.ApiSecurityConfiguration}.
 */
@RestController
class RatingsController {

    private final RatingsService ratings;
    private final JsonMapper json;

    RatingsController(RatingsService ratings, JsonMapper json) {
        this.ratings = ratings;
        this.json = json;
    }

    @GetMapping(path = "/api/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> ratings(
            @RequestParam(required = false) @Nullable String task,
            @RequestParam(defaultValue = "bt") String method,
            @RequestParam(defaultValue = "" + RatingQuery.DEFAULT_BOOTSTRAP_ROUNDS) String bootstrap,
            @RequestParam(required = false) @Nullable String anchor) {
        RatingQuery query;
        try {
            query = new RatingQuery(task(task), RatingMethod.parse(method), anchor, rounds(bootstrap));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(LeaderboardExport.json(ratings.leaderboard(query)));
        } catch (IllegalArgumentException e) {
            // an anchor without votes in this task
            return badRequest(e.getMessage());
        }
    }

    private static ComparisonTask task(@Nullable String task) {
        if (task == null) {
            throw new IllegalArgumentException("task is required: helpfulness or harmlessness");
        }
        try {
            return ComparisonTask.valueOf(task.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task must be helpfulness or harmlessness, not " + task);
        }
    }

    private static int rounds(String bootstrap) {
        try {
            return Integer.parseInt(bootstrap.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bootstrap must be a whole number, not " + bootstrap);
        }
    }

    private ResponseEntity<String> badRequest(String message) {
        String body = json.writeValueAsString(Map.of("error", message));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
