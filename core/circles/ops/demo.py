"""A demo community: ~300 people with ten weeks of realistic, fully explained XP history.

Every XP point comes from a PointsHistory award and its XPEvent, so the demo obeys the same
invariants as live data (total_xp equals the sum of events; the level matches the XP).
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from core.fairplay import limits
from core.fairplay.models import FairPlayRule
from core.fairplay.services import load_default_rules
from core.points import rules
from core.points.models import ActivityType, PointsHistory

from .. import weeks
from ..ledger.levels import entry_level, load_default_levels
from ..ledger.writes import record_past_events
from ..models import UserThriveProfile, XPEvent

DEMO_PASSWORD = "thrive-demo"
# The accounts named in the README, one per level.
FEATURED = {
    "seedling_sam": 320,
    "explorer_eve": 1180,
    "creator_cy": 2900,
    "catalyst_cat": 6100,
    "luminary_lu": 9400,
}
# Share of the generated community per level, and the XP range drawn for it.
LEVEL_MIX = [(0.30, 40, 490), (0.30, 520, 1480), (0.20, 1520, 3450), (0.13, 3550, 7400), (0.07, 7600, 12000)]
HISTORY_DAYS = 70
INACTIVE_SHARE = 0.06
FIRST_NAMES = (
    "ada alan amara ana arjun ayla bea bo cai carmen chen dara dev eli emre esme farah felix gia hana "
    "ines ivan jae jo kai kemal lena leo lin luca maya mei milo nadia nia noor omar oren pia priya "
    "quinn rafa rania ravi rosa sami sana seo tariq tess uma vera wen xia yara yusuf zane zoe"
).split()
ACTIVITY_MIX = [
    (ActivityType.QUIZ_COMPLETED, 45),
    (ActivityType.BATTLE_PARTICIPATED, 22),
    (ActivityType.BATTLE_ROUND_COMPLETED, 6),
    (ActivityType.PROJECT_CREATED, 14),
    (ActivityType.PROJECT_PUBLISHED, 8),
    (ActivityType.PROJECT_MILESTONE, 5),
]
TITLES = {
    ActivityType.QUIZ_COMPLETED: ["AI Basics", "Prompt Patterns", "Data Ethics", "Embeddings 101", "Vision Models"],
    ActivityType.PROJECT_CREATED: ["Recipe Bot", "Study Buddy", "Poem Remixer", "Garden Planner", "Map Explorer"],
}


@dataclass
class _Person:
    username: str
    target_xp: int
    active: bool = True
    featured: bool = False
    awards: list = field(default_factory=list)  # (datetime, ActivityType, metadata)


def _people(rng: random.Random, count: int) -> list[_Person]:
    people = [_Person(name, xp, featured=True) for name, xp in FEATURED.items()]
    for i in range(count - len(people)):
        share_roll, cumulative = rng.random(), 0.0
        for share, low, high in LEVEL_MIX:
            cumulative += share
            if share_roll <= cumulative:
                break
        name = f"{FIRST_NAMES[i % len(FIRST_NAMES)]}_{i // len(FIRST_NAMES) + 1}"
        people.append(_Person(name, rng.randint(low, high), active=rng.random() > INACTIVE_SHARE))
    return people


def _history(rng: random.Random, person: _Person, now: datetime) -> None:
    """Spread awards worth about `target_xp` over active days, daily logins included."""
    today = weeks.local_date(now)
    week_start = weeks.week_start_for(now)
    last_day = today - timedelta(days=1) if person.featured else today  # featured users earn today's login live
    first_day = today - timedelta(days=HISTORY_DAYS)
    if not person.active:
        last_day = today - timedelta(days=rng.randint(35, 60))
    span = (last_day - first_day).days + 1
    day_count = max(2, min(span, person.target_xp // rng.randint(60, 140)))
    days = sorted(rng.sample(range(span), day_count))
    if person.active and (last_day - week_start).days >= 0:
        # Everyone active shows up at some point this week, not all of them today.
        days.append(rng.randint(max((week_start - first_day).days, 0), (last_day - first_day).days))
    days = sorted(set(days))

    latest = now - timedelta(minutes=1)

    def moment(day_offset: int) -> datetime:
        """A time in waking hours of that day, never later than a minute ago."""
        day = first_day + timedelta(days=day_offset)
        start = timezone.make_aware(datetime.combine(day, time(hour=7)))
        end = min(start + timedelta(hours=16), latest)
        return min(start + (end - start) * rng.random(), latest) if end > start else latest

    budget = person.target_xp
    for offset in days:
        person.awards.append((moment(offset), ActivityType.DAILY_LOGIN, {"streak": 1}))
        budget -= rules.POINT_VALUES[ActivityType.DAILY_LOGIN]
    kinds, weights = zip(*ACTIVITY_MIX)
    while budget > 0:
        kind = rng.choices(kinds, weights)[0]
        metadata = {"title": rng.choice(TITLES[kind])} if kind in TITLES else {}
        if kind == ActivityType.QUIZ_COMPLETED:
            metadata["score"] = rng.choice([67, 67, 100, 33, 100])
        person.awards.append((moment(rng.choice(days)), kind, metadata))
        budget -= rules.points_for(kind, metadata)
        if kind == ActivityType.BATTLE_PARTICIPATED and rng.random() < 0.3:
            won_at = min(person.awards[-1][0] + timedelta(minutes=20), now - timedelta(seconds=30))
            person.awards.append((won_at, ActivityType.BATTLE_WON, {}))
            budget -= rules.POINT_VALUES[ActivityType.BATTLE_WON]
    person.awards.sort(key=lambda award: award[0])


@transaction.atomic
def seed_demo_community(*, count: int = 300, seed: int = 42) -> int:
    """Create the demo community unless it exists. Returns the number of users created."""
    User = get_user_model()
    if User.objects.filter(username__in=FEATURED).exists():
        return 0
    load_default_levels()
    rng, now = random.Random(seed), timezone.now()
    password = make_password(DEMO_PASSWORD)
    start = entry_level()
    people = _people(rng, count)
    for person in people:
        _history(rng, person, now)

    users = User.objects.bulk_create(
        [User(username=p.username, password=password, date_joined=p.awards[0][0]) for p in people]
    )
    history, events, profiles = [], [], []
    fair_play = FairPlayReplay()
    for user, person in zip(users, people):
        total = 0
        for at, kind, metadata in person.awards:
            base = rules.points_for(kind, metadata)
            decision = fair_play.decide(user.username, kind, base, at)
            points = decision.points
            description = rules.describe(kind, metadata, note=decision.note)
            ledger = PointsHistory(
                user=user, activity_type=kind, points_awarded=points, base_points=base,
                fair_play_rule=decision.rule, description=description, metadata=metadata, created_at=at,
            )
            history.append(ledger)
            xp_metadata = rules.xp_metadata(metadata, base_points=base, rule=decision.rule, note=decision.note)
            events.append(
                XPEvent(
                    user=user, amount=points, source=rules.XP_SOURCES[kind], description=rules.describe(kind, metadata),
                    metadata=xp_metadata, timestamp=at, points_history=ledger,
                )
            )
            total += points
        login_days = sorted({weeks.local_date(at) for at, kind, _ in person.awards if kind == ActivityType.DAILY_LOGIN})
        user.total_points, user.level = total, total // 100 + 1
        user.last_login_date = login_days[-1]
        user.current_streak = _streak(login_days)
        user.max_streak = max(user.current_streak, 1)
        # Empty accounts as of joining; the ledger then adds the whole history to them.
        profiles.append(UserThriveProfile(user=user, current_level=start, last_activity_at=person.awards[0][0]))
    User.objects.bulk_update(users, ["total_points", "level", "last_login_date", "current_streak", "max_streak"])
    PointsHistory.objects.bulk_create(history, batch_size=2000)
    UserThriveProfile.objects.bulk_create(profiles, batch_size=2000)
    record_past_events(events, now=now)
    return len(users)


class FairPlayReplay:
    """Applies the fair-play rules (core/fairplay) to generated history, award by award in time
    order, so demo records look like live ones: some repeats diminished, some refused."""

    def __init__(self):
        load_default_rules()
        self.limits = {rule.activity_type: rule.as_limits() for rule in FairPlayRule.objects.filter(is_active=True)}
        self.usage = {}  # (person, activity, day) -> (repeats, xp, last counted moment)

    def decide(self, person: str, kind: str, base: int, at: datetime):
        day = weeks.local_date(at)
        repeats, xp, last = self.usage.get((person, kind, day), (0, 0, None))
        usage = limits.Usage(repeats, xp, (at - last).total_seconds() if last else None)
        decision = limits.decide(base, self.limits.get(kind), usage)
        if decision.rule != limits.COOLDOWN:
            self.usage[(person, kind, day)] = (repeats + 1, xp + decision.points, at)
        return decision


def _streak(days) -> int:
    streak = 1
    for earlier, later in zip(reversed(days[:-1]), reversed(days)):
        if (later - earlier).days != 1:
            break
        streak += 1
    return streak
