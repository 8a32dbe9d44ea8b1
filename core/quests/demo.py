"""The demo's quests: one of each kind, running every week, so a new user sees them in `make run`."""

from django.db import transaction

from core.circles.models import ThriveCircleLevel

from .models import CircleTheme, HuntStep, Quest, QuestKind, QuestLevelTarget

DEMO_MARKER = "Try a Prompt Battle"
# The weekly challenge's XP target per level: a fair goal for a Seedling and a Luminary.
CHALLENGE_TARGETS = {"Seedling": 60, "Explorer": 100, "Creator": 150, "Catalyst": 200, "Luminary": 250}
HUNT_STEPS = [
    ("The help page lists the five levels. What is the top level called?", "Luminary", "/help/thrive-circles"),
    ("How much XP does a Quick Quiz earn? The help page's table says.", "20", "/help/thrive-circles"),
    ("Circles reset every week on which day?", "Monday", "/help/thrive-circles"),
]


@transaction.atomic
def seed_demo_quests() -> int:
    """Create the demo quests and theme unless present; returns how many quests were created."""
    if Quest.objects.filter(title=DEMO_MARKER).exists():
        return 0
    battle = Quest.objects.create(
        kind=QuestKind.SIDE_QUEST, title=DEMO_MARKER, reward_xp=30, display_order=1,
        description="Enter one Prompt Battle this week.", sources=["prompt_battle"], measure="events", target=1,
    )
    quizzes = Quest.objects.create(
        kind=QuestKind.SIDE_QUEST, title="Three quizzes, three days", reward_xp=50, display_order=2,
        description="Complete a Quick Quiz on 3 different days this week.", sources=["quiz"], measure="days", target=3,
    )
    themed = Quest.objects.create(
        kind=QuestKind.SIDE_QUEST, title="Prompt Week: build something", reward_xp=25, display_order=3,
        description="Create a project that shows off a prompt you like.", sources=["project"], measure="events", target=1,
    )
    challenge = Quest.objects.create(
        kind=QuestKind.WEEKLY_CHALLENGE, title="Grow together", reward_xp=100, display_order=0,
        description="Earn XP this week from anything you do: the goal fits your level.", measure="xp", target=100,
    )
    levels = {level.name: level for level in ThriveCircleLevel.objects.all()}
    QuestLevelTarget.objects.bulk_create(
        QuestLevelTarget(quest=challenge, level=levels[name], target=target)
        for name, target in CHALLENGE_TARGETS.items() if name in levels
    )
    hunt = Quest.objects.create(
        kind=QuestKind.SCAVENGER_HUNT, title="Find your way around", reward_xp=75, display_order=4,
        description="Follow the clues around Thrive Circles and type what you find.",
    )
    HuntStep.objects.bulk_create(
        HuntStep(quest=hunt, order=order, clue=clue, answer=answer, link=link)
        for order, (clue, answer, link) in enumerate(HUNT_STEPS, start=1)
    )
    CircleTheme.objects.create(name="Prompt Week", icon="🪄", color_from="violet-700", color_to="fuchsia-700", side_quest=themed)
    return len([battle, quizzes, themed, challenge, hunt])
