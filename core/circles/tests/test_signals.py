import pytest
from django.db import transaction

from core.circles.services import XPService
from core.circles.signals import level_reached, xp_recorded
from core.users.tests.factories import UserFactory


@pytest.fixture
def capture():
    """capture(signal) -> the list of the keyword arguments of every send, until the test ends."""
    connected = []

    def connect(signal):
        sent = []
        uid = f"test-capture-{len(connected)}"
        signal.connect(lambda **kwargs: sent.append(kwargs), weak=False, dispatch_uid=uid)
        connected.append((signal, uid))
        return sent

    yield connect
    for signal, uid in connected:
        signal.disconnect(dispatch_uid=uid)


@pytest.fixture
def received(capture):
    return capture(xp_recorded)


@pytest.mark.django_db(transaction=True)
def test_an_award_is_announced_once_after_its_transaction_commits(levels, received):
    user = UserFactory()
    with transaction.atomic():
        event = XPService.add_xp(user, 20, "quiz", "Completed a Quick Quiz")
        assert received == []
    assert [sent["event"].pk for sent in received] == [event.pk]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_award_is_never_announced(levels, received):
    user = UserFactory()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            XPService.add_xp(user, 20, "quiz", "Completed a Quick Quiz")
            raise RuntimeError("the caller failed after the award")
    assert received == []


@pytest.mark.django_db(transaction=True)
def test_a_failing_receiver_does_not_undo_the_award(levels, received):
    def broken(**kwargs):
        raise ValueError("subscriber bug")

    xp_recorded.connect(broken, weak=False, dispatch_uid="broken")
    try:
        event = XPService.add_xp(UserFactory(), 5)
    finally:
        xp_recorded.disconnect(dispatch_uid="broken")
    assert [sent["event"].pk for sent in received] == [event.pk]


@pytest.fixture
def levels_reached(capture):
    return capture(level_reached)


@pytest.mark.django_db(transaction=True)
def test_crossing_a_threshold_announces_the_new_level_once(levels, levels_reached):
    user = UserFactory()
    XPService.add_xp(user, 490)
    assert levels_reached == []
    crossing = XPService.add_xp(user, 20)
    XPService.add_xp(user, 20)
    assert [(s["user"].pk, s["level"].name, s["event"].pk) for s in levels_reached] == [(user.pk, "Explorer", crossing.pk)]


@pytest.mark.django_db(transaction=True)
def test_a_correction_below_a_threshold_announces_nothing(levels, levels_reached):
    user = UserFactory()
    XPService.add_xp(user, 600)
    XPService.add_xp(user, -200)
    assert [sent["level"].name for sent in levels_reached] == ["Explorer"]
