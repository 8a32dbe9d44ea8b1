import factory

from core.quests.models import HuntStep, Quest, QuestKind


class QuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quest
        skip_postgeneration_save = True

    kind = QuestKind.SIDE_QUEST
    title = factory.Sequence(lambda n: f"Quest {n}")
    description = "Do the thing."
    reward_xp = 30
    sources = factory.LazyFunction(lambda: ["quiz"])
    measure = "events"
    target = 1


class HuntFactory(QuestFactory):
    kind = QuestKind.SCAVENGER_HUNT
    sources = factory.LazyFunction(list)

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        for order, answer in enumerate(extracted or ["Luminary", "20"], start=1):
            HuntStep.objects.create(quest=self, order=order, clue=f"Clue {order}", answer=answer, link="/help/thrive-circles")
