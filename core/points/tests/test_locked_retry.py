import pytest
from django.db import OperationalError, transaction

from core import db as core_db
from core.db import retry_if_locked


@pytest.fixture(autouse=True)
def _no_sleep(monkeypatch):
    monkeypatch.setattr(core_db.time, "sleep", lambda seconds: None)


def flaky(errors: list[Exception]):
    calls = []

    @retry_if_locked
    def unit():
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "done"

    return unit, calls


def test_a_locked_database_is_retried_until_the_unit_succeeds():
    unit, calls = flaky([OperationalError("database is locked"), OperationalError("database is locked")])
    assert unit() == "done" and len(calls) == 3


def test_other_database_errors_are_not_retried():
    unit, calls = flaky([OperationalError("no such table: x")])
    with pytest.raises(OperationalError):
        unit()
    assert len(calls) == 1


def test_a_lock_that_never_clears_gives_up_with_the_error():
    unit, calls = flaky([OperationalError("database is locked")] * 10)
    with pytest.raises(OperationalError, match="locked"):
        unit()
    assert len(calls) == core_db.LOCKED_ATTEMPTS


@pytest.mark.django_db
def test_inside_a_callers_transaction_the_error_goes_to_the_caller():
    unit, calls = flaky([OperationalError("database is locked")])
    with pytest.raises(OperationalError), transaction.atomic():
        unit()
    assert len(calls) == 1
