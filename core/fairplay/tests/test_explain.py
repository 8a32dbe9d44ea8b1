import pytest

from core.fairplay import explain
from core.fairplay.limits import Limits, Usage, decide

QUIZ = Limits(full_points_per_day=5, repeat_decay_percent=50, daily_xp_cap=150, cooldown_seconds=30)
FIVE_HOURS = 5 * 3600


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second"), (0.2, "1 second"), (25, "25 seconds"), (89, "89 seconds"), (1200, "20 minutes"), (5 * 3600 - 1, "5 hours")],
)
def test_durations_read_as_people_say_them(seconds, words):
    assert explain.duration(seconds) == words


def test_full_points_need_no_message():
    decision = decide(20, QUIZ, Usage())
    assert explain.friendly_message("quiz_completed", decision, seconds_to_tomorrow=FIVE_HOURS) == ""


def test_a_quick_repeat_says_when_the_next_one_counts():
    decision = decide(20, QUIZ, Usage(repeats_today=1, xp_today=20, seconds_since_last=10))
    message = explain.friendly_message("quiz_completed", decision, seconds_to_tomorrow=FIVE_HOURS)
    assert message == "That came quickly after your last quiz, so it earned no XP; the next one counts in 20 seconds."


def test_many_repeats_say_what_this_one_earned_and_when_they_count_fully_again():
    decision = decide(20, QUIZ, Usage(repeats_today=5, xp_today=100, seconds_since_last=600))
    message = explain.friendly_message("quiz_completed", decision, seconds_to_tomorrow=FIVE_HOURS)
    assert message == (
        "You've done a lot of quizzes today, so this one earned 10 of 20 XP; "
        "quizzes count fully again in 5 hours, when the day starts afresh."
    )


def test_the_daily_limit_is_named_as_such():
    decision = decide(20, QUIZ, Usage(repeats_today=2, xp_today=150, seconds_since_last=600))
    message = explain.friendly_message("quiz_completed", decision, seconds_to_tomorrow=FIVE_HOURS)
    assert message.startswith("You've reached today's XP from quizzes (0 of 20 XP this time)")


def test_the_limits_in_plain_words():
    assert explain.limits_in_words(QUIZ, "quiz_completed") == [
        "The first 5 each day earn full XP; after that each quiz earns 50% of the one before.",
        "Up to 150 XP a day from quizzes.",
        "Leave 30 seconds between two quizzes: one sooner earns no XP.",
    ]
    assert explain.limits_in_words(Limits(), "quiz_completed") == []
