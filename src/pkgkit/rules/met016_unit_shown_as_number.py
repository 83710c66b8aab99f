"""A widget declares metrics in bytes or time but shows them as plain numbers.

Each metric configuration of a chart declares the metric's ``unit`` (``byte``, ``second``,
``milisecond``); what the reader sees is decided by the axis formatter (``config.y1.formatter``,
``config.y2.formatter``) or a big number's ``config.formatter``. A number formatter
(``number.detailed``, ``number.compact``) shows bytes or time as raw numbers without a unit:
``1073741824`` for 1 GiB, ``0.004`` for 4 ms. Checked from the widget alone, so also where the
README gives no unit. (A metric whose known unit the declared unit contradicts is MET006's.)

One finding per dashboard, naming its widgets: a dashboard whose author never picked an axis
formatter makes the mistake in every such widget, and the widgets are fixed one by one in
Instana's editor, where they are found by title.

Bad::

    "y1": {"formatter": "number.detailed",
           "metrics": [{"metric": "...prometheusreceiver/jvm_memory_bytes_used", "unit": "byte"}]}

Good::

    "y1": {"formatter": "bytes.detailed",
           "metrics": [{"metric": "...prometheusreceiver/jvm_memory_bytes_used", "unit": "byte"}]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import Display, displays, facts, listing
from pkgkit.rules.met006_display_unit import compatible, number_shows_unit, shown_class

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET016"
NAME = "unit-shown-as-number"
SEVERITY = Severity.WARNING
SUMMARY = "A widget declares metrics in bytes or time but shows them as plain numbers"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One finding per dashboard whose axes or big numbers show bytes or time as numbers."""
    found: dict[int, tuple[JsonFile, list[tuple[Display, list[str]]]]] = {}
    for display in displays(ctx):
        shown = shown_class(display.formatter) if isinstance(display.formatter, str) else None
        units = [
            str(reference.setting("unit"))
            for reference in display.references
            if number_shows_unit(_declared(reference), shown) and _fits(ctx, reference)
        ]
        if units:
            entry = found.setdefault(id(display.file), (display.file, []))
            entry[1].append((display, units))
    for file, hits in found.values():
        yield _problem(file, hits)


def _declared(reference: MetricReference) -> str | None:
    value = reference.setting("unit")
    return shown_class(value) if isinstance(value, str) else None


def _fits(ctx: RuleContext, reference: MetricReference) -> bool:
    """True unless the metric's known unit contradicts its declared one (MET006 reports it)."""
    unit = None if reference.metric.pattern else facts(ctx, reference).unit
    declared = _declared(reference)
    return unit is None or declared is None or compatible(unit, declared)


def _problem(file: JsonFile, hits: list[tuple[Display, list[str]]]) -> Problem:
    widgets: dict[str, list[str]] = {}
    for display, units in hits:
        widgets.setdefault(_title(file, display.pointer), []).extend(units)
    named = listing((f"'{t}' ({', '.join(dict.fromkeys(u))})" for t, u in widgets.items()), 5)
    count = f"{len(widgets)} widgets show" if len(widgets) > 1 else "the widget shows"
    first = hits[0][0]
    families = {_family(u) for _, units in hits for u in units}
    hint = "use " + " and ".join(_FORMATTERS[f] for f in sorted(families))
    if any(len({_family(u) for u in units}) > 1 for _, units in hits):
        hint += "; chart bytes and time on different axes (y1, y2)"
    return Problem(
        file,
        f"{count} bytes or time as plain numbers (formatter '{first.formatter}'): {named}",
        pointer=f"{first.pointer}/formatter",
        hint=hint,
    )


def _title(file: JsonFile, display: str) -> str:
    """The title of the widget holding ``display`` (``/widgets/3/config/y1`` -> widget 3)."""
    parts = display.split("/")
    widget = file.get("/".join(parts[:3])) if len(parts) >= 3 else None
    title = widget.get("title") if isinstance(widget, dict) else None
    return str(title).strip() if title else display


_FORMATTERS = {
    "bytes": "bytes.detailed for bytes",
    "time": "a time formatter (millis.detailed) for time",
}


def _family(unit: str) -> str:
    return "bytes" if shown_class(unit) == "bytes" else "time"
