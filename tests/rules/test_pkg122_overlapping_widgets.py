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
    assert result[0].message == "widget 'a' (x0 y0 w6 h4) overlaps 'b' (x3 y2 w6 h4)"
    assert result[0].pointer == "/widgets/2"


def test_a_widget_over_two_others_is_reported_once_naming_both(tmp_path):
    # opentelemetry-demo dashboards/runtime-go.json: 'Heap Usage' (index 1) lies over
    # 'Executed Goroutines' and 'Heap Used'; the sweep compared it with one of them only.
    text = _dashboard(
        {"id": "z2Ne", "title": "GC Pause", "x": 0, "y": 0, "width": 4, "height": 4},
        {"id": "qxJv", "title": "Heap Usage", "x": 6, "y": 3, "width": 6, "height": 13},
        {"id": "ZLK_", "title": "Executed Goroutines", "x": 8, "y": 1, "width": 4, "height": 4},
        {"id": "-7bb", "title": "Heap Used", "x": 4, "y": 1, "width": 4, "height": 4},
        {"id": "5MMn", "title": "Memory Usage", "x": 0, "y": 5, "width": 6, "height": 13},
    )
    package = write_package(copy_go(tmp_path), {"dashboards/runtime-go.json": text})
    result = lint(package, select="PKG122")
    assert findings(result) == [("PKG122", "dashboards/runtime-go.json", 5)]
    assert result[0].pointer == "/widgets/1"
    assert result[0].message == (
        "widget 'Heap Usage' (x6 y3 w6 h13) overlaps 'Executed Goroutines' (x8 y1 w4 h4) "
        "and 'Heap Used' (x4 y1 w4 h4)"
    )


def test_widgets_are_named_by_title_then_id_then_index():
    boxes = [Box(0, "#0", 0, 0, 12, 4), Box(1, "#1", 0, 1, 12, 4)]
    assert [(a.name, [b.name for b in o]) for a, o in overlaps(boxes)] == [("#1", ["#0"])]


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


def _pairs(boxes):
    return [(moved.index, [o.index for o in others]) for moved, others in overlaps(boxes)]


def test_each_later_widget_is_reported_once():
    boxes = [Box(i, str(i), 0, 0, 12, 4) for i in range(4)]
    assert _pairs(boxes) == [(1, [0]), (2, [0]), (3, [0])]


def test_a_later_widget_higher_up_is_still_the_one_reported():
    boxes = [Box(0, "low", 0, 2, 12, 4), Box(1, "high", 0, 0, 12, 4), Box(2, "next", 0, 5, 2, 1)]
    assert _pairs(boxes) == [(1, [0]), (2, [0])]


def test_an_earlier_widget_over_several_is_the_one_reported():
    boxes = [Box(0, "wide", 0, 2, 12, 4), Box(1, "left", 0, 0, 6, 3), Box(2, "right", 6, 0, 6, 3)]
    assert _pairs(boxes) == [(0, [1, 2])]


def test_many_widgets_stacked_on_one_spot_are_checked_quickly():
    boxes = [Box(i, str(i), 0, 0, 1, 10**6) for i in range(50_000)]
    assert sum(1 for _ in overlaps(boxes)) == 49_999


def test_clean_fixture_widgets_do_not_overlap(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG122") == []
