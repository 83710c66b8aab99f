"""PKG122: widgets of a dashboard do not overlap."""

import json

from helpers import copy_go, findings, lint, write_package
from pkgkit.rules.pkg122_overlapping_widgets import Box, overlaps


def _widget(widget_id, x, y, width, height):
    return {"id": widget_id, "x": x, "y": y, "width": width, "height": height}


def _dashboard(*widgets):
    lines = ",\n".join("    " + json.dumps(w) for w in widgets)
    return '{\n  "title": "D",\n  "widgets": [\n' + lines + "\n  ]\n}\n"


def test_overlap_is_reported_at_the_later_widget_naming_both(tmp_path):
    text = _dashboard(_widget("b", 3, 2, 6, 4), _widget("c", 6, 0, 6, 2), _widget("a", 0, 0, 6, 4))
    package = write_package(copy_go(tmp_path), {"dashboards/d.json": text})
    result = lint(package, select="PKG122")
    assert findings(result) == [("PKG122", "dashboards/d.json", 6)]
    assert result[0].message == "widget 'a' overlaps widget 'b'"
    assert result[0].pointer == "/widgets/2"


def test_touching_edges_do_not_overlap(tmp_path):
    text = _dashboard(_widget("a", 0, 0, 6, 4), _widget("b", 6, 0, 6, 4), _widget("c", 0, 4, 12, 1))
    package = write_package(copy_go(tmp_path), {"dashboards/d.json": text})
    assert lint(package, select="PKG122") == []


def test_widgets_without_a_usable_geometry_are_skipped(tmp_path):
    text = _dashboard(
        _widget("a", 0, 0, 6, 4),
        _widget("b", "0", 0, 6, 4),
        _widget("c", 0, 0, 0, 4),
        _widget("d", True, 0, 6, 4),
        {"id": "e"},
    )
    package = write_package(copy_go(tmp_path), {"dashboards/d.json": text})
    assert lint(package, select="PKG122") == []


def test_each_later_widget_is_reported_once():
    boxes = [Box(i, str(i), 0, 0, 12, 4) for i in range(4)]
    assert [(a.index, b.index) for a, b in overlaps(boxes)] == [(0, 1), (0, 2), (0, 3)]


def test_a_later_widget_higher_up_is_still_the_one_reported():
    boxes = [Box(0, "low", 0, 2, 12, 4), Box(1, "high", 0, 0, 12, 4), Box(2, "next", 0, 5, 2, 1)]
    assert [(a.name, b.name) for a, b in overlaps(boxes)] == [("low", "high"), ("low", "next")]


def test_many_widgets_stacked_on_one_spot_are_checked_quickly():
    boxes = [Box(i, str(i), 0, 0, 1, 10**6) for i in range(50_000)]
    assert sum(1 for _ in overlaps(boxes)) == 49_999


def test_clean_fixture_widgets_do_not_overlap(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG122") == []
