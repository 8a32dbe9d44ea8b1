"""Each kind is created by the real flow that causes it, exactly once even when it is told twice."""

from core.circles import weeks
from core.circles.models import CircleAssignmentRun
from core.circles.services import CircleAssignmentService, XPService
from core.circles.signals import circle_seated, level_reached
from core.live.services import give_kudos
from core.live.signals import kudos_given
from core.notifications.models import Notification
from core.notifications.services import notify_circle_seated
from core.quests.services import complete_quest
from core.quests.signals import quest_completed
from core.quests.tests.factories import QuestFactory
from core.together.models import CircleGoal
from core.together.services import pay_goal_bonus
from core.together.signals import goal_reached

from .conftest import seated


def kinds(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_kudos_received_once_even_if_the_signal_is_sent_twice(circle, on_commit):
    event = on_commit(XPService.add_xp, circle["ben"], 20, "quiz", "Quiz")
    kudos, _ = on_commit(give_kudos, circle["ana"], event.pk, reaction="clap")
    kudos_given.send(sender=None, kudos=kudos)  # a redelivery
    notification = Notification.objects.get(user=circle["ben"], kind="kudos_received")
    assert notification.payload == {"from": "ana", "reaction": "clap", "event_id": str(event.pk)}
    assert not Notification.objects.filter(user=circle["ana"], kind="kudos_received").exists()


def test_level_reached_once_per_level(circle, levels, on_commit):
    event = on_commit(XPService.add_xp, circle["ana"], 600, "quiz", "Big quiz")
    level_reached.send(sender=None, user=circle["ana"], level=levels["Explorer"], event=event)
    assert Notification.objects.filter(user=circle["ana"], kind="level_reached").count() == 1
    assert Notification.objects.get(user=circle["ana"], kind="level_reached").payload == {"level": "Explorer"}


def test_quest_completed_once(circle, on_commit):
    quest = QuestFactory(reward_xp=30)
    completion = on_commit(complete_quest, circle["ana"], quest, period=weeks.current_week_start())
    assert on_commit(complete_quest, circle["ana"], quest, period=weeks.current_week_start()) is None
    quest_completed.send(sender=None, user=circle["ana"], completion=completion)
    row = Notification.objects.get(user=circle["ana"], kind="quest_completed")
    assert row.payload == {"quest_title": quest.title, "xp": 30}


def test_goal_reached_tells_every_member_once(circle, on_commit):
    goal = CircleGoal.objects.create(circle=circle["circle"], target_xp=10)
    on_commit(XPService.add_xp, circle["ana"], 5, "quiz", "Quiz")
    on_commit(pay_goal_bonus, goal)
    on_commit(pay_goal_bonus, goal)  # already reached: pays and tells nothing
    goal_reached.send(sender=None, goal=goal, member_ids=[circle["ana"].pk, circle["ben"].pk])
    for person in (circle["ana"], circle["ben"]):
        assert kinds(person).count("goal_reached") == 1


def test_the_weekly_job_writes_nothing_and_each_person_hears_of_their_circle_when_they_look(levels, midweek, on_commit):
    from core.circles.tests.factories import ProfileFactory
    from core.notifications.services import catch_up_on_this_week

    people = [ProfileFactory().user for _ in range(3)]
    on_commit(CircleAssignmentService.assign_weekly_circles)
    circle_seated.send(sender=None, week=weeks.current_week_start(), profile_ids=None)
    assert not Notification.objects.exists()  # the job's run stays as fast as before notifications
    for person in people:
        catch_up_on_this_week(person)
        catch_up_on_this_week(person)  # the bell polls again
    week = weeks.current_week_start()
    for person in people:
        row = Notification.objects.get(user=person, kind="circle_assigned")
        assert row.payload["week"] == week.isoformat() and row.payload["circle_name"]
        assert row.created_at == weeks.week_bounds(week)[0]  # news of the reset


def test_a_newcomer_seated_midweek_is_told_of_their_circle(circle):
    late = seated("late", circle["circle"])
    assert notify_circle_seated(circle["circle"].week_start, [late.pk]) == 1
    assert notify_circle_seated(circle["circle"].week_start, [late.pk]) == 0
    assert Notification.objects.get(user=late.user).payload["circle_name"] == circle["circle"].name


def test_an_opted_out_kind_is_not_created(circle, on_commit):
    from core.notifications.services import update_preferences

    update_preferences(circle["ben"], {"kudos_received": False})
    event = on_commit(XPService.add_xp, circle["ben"], 20, "quiz", "Quiz")
    on_commit(give_kudos, circle["ana"], event.pk, reaction="clap")
    assert "kudos_received" not in kinds(circle["ben"])


def test_creating_many_costs_a_fixed_number_of_queries(levels, django_assert_num_queries):
    from core.notifications.services import Item, notify_many
    from core.users.tests.factories import UserFactory

    for size in (2, 20):
        people = UserFactory.create_batch(size)
        items = [Item(person.pk, {"level": "Explorer"}, "level:2") for person in people]
        # savepoint, opt-outs, existing keys, insert, read back, release
        with django_assert_num_queries(6):
            assert len(notify_many("level_reached", items)) == size


def test_the_catch_up_skips_opt_outs_and_people_without_a_circle(circle):
    from core.notifications.services import catch_up_on_this_week, update_preferences
    from core.users.tests.factories import UserFactory

    update_preferences(circle["ben"], {"circle_assigned": False})
    for person in (circle["ana"], circle["ben"], UserFactory()):
        catch_up_on_this_week(person)
    row = Notification.objects.get(kind="circle_assigned")
    week = circle["circle"].week_start
    assert (row.user, row.payload, row.dedupe_key) == (circle["ana"], {"week": week.isoformat(), "circle_name": circle["circle"].name}, f"circle:{week.isoformat()}")
    assert row.read_at is None

