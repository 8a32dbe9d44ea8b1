import csv
import io
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from .conftest import NOW


def report(*args) -> str:
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("thrive_circles_report", *args, stdout=out)
    return out.getvalue()


def test_csv_has_one_row_per_week_with_the_metrics_and_levels(community):
    rows = list(csv.DictReader(io.StringIO(report("--weeks", "3", "--format", "csv"))))
    assert [row["week_start"] for row in rows] == ["2026-11-09", "2026-11-16", "2026-11-23"]
    week2 = rows[1]
    assert (week2["active_share"], week2["avg_xp_per_active_user"], week2["retention"]) == ("0.6", "43.3", "0.5")
    assert (week2["page_views"], week2["feed_views"], week2["level_ups"], week2["level_creator"]) == ("6", "1", "2", "1")
    assert rows[0]["retention"] == "" and rows[2]["is_complete"] == "False"


def test_json_matches_the_dashboard_data(community):
    data = json.loads(report("--weeks", "12", "--format", "json"))
    assert len(data["weeks"]) == 12 and data["weeks"][-2]["activities_per_active_user"] == 1.67


def test_weeks_out_of_range_is_a_clear_error(db):
    with pytest.raises(CommandError, match="--weeks"):
        report("--weeks", "0")
