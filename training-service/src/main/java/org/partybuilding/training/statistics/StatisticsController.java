package org.partybuilding.training.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class StatisticsController {

    private final StatisticsService statistics;
    private final Clock clock;

    StatisticsController(StatisticsService statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/training/statistics")
    Mono<TrainingStatistics> statistics(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(defaultValue = "100") int limit,
            DataScope scope) {
        List<FieldError> errors = new ArrayList<>();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            errors.add(new FieldError("year", "must be between 2000 and 2100"));
        }
        if (limit < 0 || limit > 1000) {
            errors.add(new FieldError("limit", "must be 0 to 1000"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Mono.fromCallable(() -> statistics.statistics(y, street, partyOrganizationId, limit, scope))
                .subscribeOn(Schedulers.parallel());
    }
}
