"""The pure fair-play arithmetic: each rule on its own, then invariants over any sequence."""

from hypothesis import given
from hypothesis import strategies as st

from core.fairplay.limits import COOLDOWN, DAILY_CAP, DIMINISHING, Decision, Limits, Usage, decide, diminished, ordinal

QUIZ = Limits(full_points_per_day=5, repeat_decay_percent=50, daily_xp_cap=150, cooldown_seconds=30)


def test_no_rule_means_full_points():
    assert decide(20, None, Usage(repeats_today=99, xp_today=5000)) == Decision(20, 20)


def test_the_first_awards_of_the_day_earn_full_points():
    assert decide(20, QUIZ, Usage(repeats_today=4, xp_today=80, seconds_since_last=600)) == Decision(20, 20)


def test_after_the_first_five_each_repeat_earns_half_the_one_before():
    assert [diminished(20, repeat, QUIZ) for repeat in range(1, 12)] == [20, 20, 20, 20, 20, 10, 5, 2, 1, 0, 0]


def test_a_diminished_award_names_the_rule_and_explains_itself():
    decision = decide(20, QUIZ, Usage(repeats_today=6, xp_today=110, seconds_since_last=600))
    assert decision == Decision(20, 5, DIMINISHING, "7th today: 5 of 20 XP")


def test_the_daily_cap_grants_only_what_is_left():
    decision = decide(30, QUIZ, Usage(repeats_today=4, xp_today=130, seconds_since_last=600))
    assert (decision.points, decision.rule, decision.note) == (20, DAILY_CAP, "daily limit of 150 XP reached: 20 of 30 XP")


def test_at_the_cap_an_award_earns_nothing():
    assert decide(30, QUIZ, Usage(repeats_today=5, xp_today=150, seconds_since_last=600)).points == 0


def test_an_award_inside_the_cooldown_earns_nothing():
    decision = decide(20, QUIZ, Usage(repeats_today=1, xp_today=20, seconds_since_last=12.7))
    assert decision == Decision(20, 0, COOLDOWN, "no XP: 12 s after the previous one, the cooldown is 30 s")


def test_the_cooldown_ends_after_its_seconds():
    assert decide(20, QUIZ, Usage(repeats_today=1, xp_today=20, seconds_since_last=30)).points == 20


def test_a_once_a_day_cap_allows_one_login():
    login = Limits(daily_xp_cap=5)
    assert decide(5, login, Usage()).points == 5
    assert decide(5, login, Usage(repeats_today=1, xp_today=5)) == Decision(5, 0, DAILY_CAP, "daily limit of 5 XP reached: 0 of 5 XP")


def test_ordinals_read_naturally():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"
    ]


limits_strategy = st.builds(
    Limits,
    full_points_per_day=st.none() | st.integers(0, 10),
    repeat_decay_percent=st.integers(0, 100),
    daily_xp_cap=st.none() | st.integers(0, 500),
    cooldown_seconds=st.integers(0, 120),
)


@given(limits_strategy, st.lists(st.tuples(st.sampled_from([20, 30]), st.integers(0, 200)), max_size=60))
def test_over_any_day_xp_stays_within_base_and_cap_and_never_goes_negative(limits, awards):
    """Replays a day of (base points, seconds since the previous attempt) through `decide`."""
    usage, granted, since_counted = Usage(), [], None
    for base, gap in awards:
        since_counted = None if since_counted is None and not granted else (since_counted or 0) + gap
        decision = decide(base, limits, Usage(usage.repeats_today, usage.xp_today, since_counted))
        assert 0 <= decision.points <= base
        assert (decision.points == base) == (decision.rule == "") or decision.rule == DAILY_CAP
        granted.append(decision.points)
        if decision.rule != COOLDOWN:
            usage = Usage(usage.repeats_today + 1, usage.xp_today + decision.points)
            since_counted = 0
    if limits.daily_xp_cap is not None:
        assert sum(granted) <= limits.daily_xp_cap


@given(limits_strategy, st.integers(20, 30), st.integers(1, 40))
def test_a_later_repeat_never_earns_more_than_an_earlier_one(limits, base, repeat):
    assert diminished(base, repeat + 1, limits) <= diminished(base, repeat, limits)
