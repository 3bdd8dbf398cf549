package io.flightdeck.planning.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.planning.scheduling.AutoAssignment.Candidate;
import io.flightdeck.planning.scheduling.AutoAssignment.Need;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Crafted teams where the right answer is plain: skills first, then free hours, then the lightest load. */
class AutoAssignmentTests {

    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    private static final WorkingCalendar WEEKDAYS = new WorkingCalendar(Set.of());

    private final UUID ada = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cleo = UUID.randomUUID();

    @Test
    void onlyMembersWithEverySkillAtTheLevelQualify() {
        var team = List.of(
                new Candidate(ada, "Ada", Map.of("copywriting", 2), 40, 0),
                new Candidate(ben, "Ben", Map.of("copywriting", 4, "seo", 3), 40, 30),
                new Candidate(cleo, "Cleo", Map.of("design", 5), 40, 0));
        var choice = AutoAssignment.choose(new Need("blog", Map.of("copywriting", 3, "seo", 2), 8), team);
        assertThat(choice.memberId()).contains(ben); // busy, but the only one who can
        assertThat(choice.evaluations()).filteredOn(e -> !e.eligible()).extracting(e -> e.reasons().get(0))
                .containsExactlyInAnyOrder("copywriting level 2, needs 3", "lacks copywriting");
    }

    @Test
    void someoneWithoutTheFreeHoursIsSkipped() {
        var team = List.of(
                new Candidate(ada, "Ada", Map.of("design", 3), 20, 16), // 4 h free
                new Candidate(ben, "Ben", Map.of("design", 3), 40, 30)); // 10 h free
        var choice = AutoAssignment.choose(new Need("banner", Map.of("design", 3), 6), team);
        assertThat(choice.memberId()).contains(ben);
        assertThat(choice.evaluations().get(1).reasons()).containsExactly("4.0 h free, needs 6.0 h");
    }

    @Test
    void theLowestLoadRelativeToCapacityWins() {
        // Ada: (10 + 4) / 20 = 70 %; Ben: (20 + 4) / 40 = 60 %: Ben, although he has more hours assigned
        var team = List.of(
                new Candidate(ada, "Ada", Map.of("video", 3), 20, 10),
                new Candidate(ben, "Ben", Map.of("video", 3), 40, 20));
        var choice = AutoAssignment.choose(new Need("cut", Map.of("video", 3), 4), team);
        assertThat(choice.memberId()).contains(ben);
        assertThat(choice.evaluations().get(0).score()).isGreaterThan(choice.evaluations().get(1).score());
        assertThat(choice.evaluations().get(0).reasons()).contains("60% loaded with this task");
    }

    @Test
    void nobodyQualifiesMeansNoChoiceButStillAnExplanation() {
        var choice = AutoAssignment.choose(new Need("legal", Map.of("legal", 1), 2),
                List.of(new Candidate(ada, "Ada", Map.of(), 40, 0)));
        assertThat(choice.memberId()).isEmpty();
        assertThat(choice.evaluations()).singleElement().satisfies(e -> assertThat(e.reasons()).contains("lacks legal"));
    }

    @Test
    void bulkAssignmentSpreadsTheWorkAsLoadsGrow() {
        // a week of 8-hour days for both; four 10-hour tasks over the whole week
        TeamLoad load = new TeamLoad(MONDAY, MONDAY.plusDays(4), WEEKDAYS);
        load.addMember(ada, "Ada", Map.of("social", 2), day -> 8);
        load.addMember(ben, "Ben", Map.of("social", 2), day -> 8);
        var tasks = List.of("p1", "p2", "p3", "p4").stream()
                .map(key -> new AutoAssignment.Dated(new Need(key, Map.of("social", 1), 10), MONDAY, MONDAY.plusDays(4)))
                .toList();

        var choices = AutoAssignment.chooseAll(tasks, load);

        assertThat(choices).allSatisfy(c -> assertThat(c.memberId()).isPresent());
        assertThat(choices.stream().filter(c -> c.memberId().get().equals(ada)).count()).isEqualTo(2);
        assertThat(choices.stream().filter(c -> c.memberId().get().equals(ben)).count()).isEqualTo(2);
        assertThat(load.candidates(MONDAY, MONDAY.plusDays(4)))
                .allSatisfy(c -> assertThat(c.assignedHours()).isEqualTo(20.0));
    }

    @Test
    void eachTaskIsWeighedInItsOwnWindowSoAWeekOffCounts() {
        // Ada is off on Thursday and Friday, Ben has 12 hours of work on Monday and Tuesday
        TeamLoad load = new TeamLoad(MONDAY, MONDAY.plusDays(4), WEEKDAYS);
        load.addMember(ada, "Ada", Map.of("design", 3), day -> day.isAfter(MONDAY.plusDays(2)) ? 0 : 8);
        load.addMember(ben, "Ben", Map.of("design", 3), day -> 8);
        load.addWork(ben, MONDAY, MONDAY.plusDays(1), 12);

        var choices = AutoAssignment.chooseAll(List.of(
                new AutoAssignment.Dated(new Need("early", Map.of("design", 2), 6), MONDAY, MONDAY.plusDays(1)),
                new AutoAssignment.Dated(new Need("late", Map.of("design", 2), 6), MONDAY.plusDays(3),
                        MONDAY.plusDays(4))), load);

        assertThat(choices.get(0).memberId()).contains(ada); // Ben is 75 % booked early in the week
        assertThat(choices.get(1).memberId()).contains(ben); // Ada is away at the end of it
        assertThat(choices.get(1).evaluations()).filteredOn(e -> e.memberId().equals(ada)).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("0.0 h free, needs 6.0 h"));
    }
}
