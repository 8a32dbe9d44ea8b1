"""The demo's Prompt Battle: this week's, with a few entries and votes from demo members."""

from django.contrib.auth import get_user_model

from . import selectors, services

TITLE = "Sunrise, explained"
CHALLENGE = "Write prompts that make an AI explain something everyday to someone meeting it for the first time."
PROMPTS = [
    "Describe a sunrise to someone who has never seen one.",
    "Explain a thunderstorm to a curious seven-year-old.",
    "Make the smell of fresh bread come alive in three sentences.",
]
SAMPLE_ENTRIES = [
    "You are a poet who grew up in the dark. Describe the first warmth of morning without using colours.",
    "Explain a sunrise as if it were a slow kettle coming to the boil: calm, gradual, then bright.",
    "Write a letter from the sun to someone who has only known night, promising what tomorrow will look like.",
    "Describe a sunrise using only sounds and temperatures, step by step, for a listener who is blind.",
    "Imagine the sky is a theatre curtain lifting. Narrate the first five minutes of morning.",
    "As a friendly guide, describe dawn in a mountain village to someone who has lived underground all their life.",
]


# Demo members (core/circles' demo community) who enter round 1, and who votes for whose entry.
AUTHORS = ["ada_1", "alan_1", "amara_1", "ana_1", "arjun_1", "ayla_1"]
VOTES = [("ada_1", "alan_1"), ("amara_1", "alan_1"), ("ana_1", "ada_1"), ("arjun_1", "ayla_1")]


def seed_demo_battle() -> int:
    """This week's battle, unless there is one, with demo members' round-1 entries and a few votes,
    all through the services (so their XP is real). Returns the entries made."""
    if selectors.current_battle() is not None:
        return 0
    battle = services.create_battle(title=TITLE, challenge=CHALLENGE, prompts=PROMPTS)
    people = get_user_model().objects.in_bulk(AUTHORS, field_name="username")
    entries = {}
    for username, text in zip(AUTHORS, SAMPLE_ENTRIES):
        if username in people:
            result = services.submit_entry(people[username], battle_id=battle.pk, round_number=1, text=text)
            entries[username] = result.entry
    for voter, author in VOTES:
        if voter in entries and author in entries:
            services.vote(people[voter], entry_id=entries[author].pk)
    return len(entries)
