"""The render properties every template of a package must keep, for any values of its variables.

A template is a content file of a package holding ``{{ name }}`` placeholders inside JSON strings.
For values drawn from each variable's space (see :mod:`pkgkit.testing.strategies`), rendering in a
mode (``instana``: what the Instana CLI does; ``json-safe``: pkgkit's safe renderer) must give:

``parses``
    text that parses as JSON;
``round-trip``
    at every placeholder site of a set variable, exactly the value given (no escaping artefacts);
``structure``
    the structure of the template: same keys, same types, same array lengths (no value injects a
    key or an element);
``schema``
    a document that still validates against its artifact's schema (when the template did);
``stable``
    placeholders of unset variables kept verbatim; the same text whatever the order the values are
    given in; and a fixed point: rendering the output again with no values changes nothing.

The reference for what a site should hold is an independent oracle: the template's parsed
document with placeholders substituted string by string (:func:`expected_document`). Each
property returns a :class:`Violation` or None and never raises. Properties after ``parses``
assume the output parses (``parses`` reports it when it does not), so each property shrinks to
its own minimal counterexample.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

from pkgkit.model.jsonfile import restate_syntax_error
from pkgkit.model.positions import pointer_of, pointer_tokens, scan
from pkgkit.render.renderer import (
    find_placeholders,
    parse_json,
    render_instana,
    render_json_safe,
)

Renderer = Callable[[str, Mapping[str, str]], str]
Values = Mapping[str, str]

_JSON_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


@dataclass(frozen=True)
class RenderMode:
    """A way of rendering, and whether it treats an empty value as unset (the CLI does)."""

    name: str
    render: Renderer
    empty_is_unset: bool

    def effective(self, values: Values) -> dict[str, str]:
        """The values that count as set in this mode."""
        return {k: v for k, v in values.items() if v or not self.empty_is_unset}


RENDER_MODES: Final[dict[str, RenderMode]] = {
    "instana": RenderMode("instana", render_instana, empty_is_unset=True),
    "json-safe": RenderMode("json-safe", render_json_safe, empty_is_unset=False),
}


@dataclass(frozen=True)
class Site:
    """One placeholder in a template: which variable, where in the text and in the document."""

    name: str
    raw: str
    line: int
    column: int
    path: tuple[str | int, ...]
    in_key: bool

    @property
    def pointer(self) -> str:
        """The JSON pointer of the string holding the placeholder (a key: the member)."""
        return pointer_of(self.path)

    @functools.cached_property
    def renamed(self) -> bool:
        """Whether a key on the way to the site holds ``{{`` (rendering may rename it)."""
        return any("{{" in str(token) for token in self.path)

    def describe(self) -> str:
        """``{{ name }} at line L, column C, /pointer``."""
        where = "key" if self.in_key else "value"
        pointer = self.pointer or "/"
        return f"{self.raw} at line {self.line}, column {self.column} ({where} {pointer})"


@dataclass(eq=False)
class Template:
    """A content file with placeholders, parsed: the subject of the properties."""

    relpath: str
    kind: str
    text: str
    data: Any
    sites: tuple[Site, ...]
    schema_valid: bool

    @property
    def variables(self) -> list[str]:
        """Names of the variables the template uses, sorted."""
        return sorted({site.name for site in self.sites})

    @functools.cached_property
    def braces(self) -> Braces:
        """Where the document's strings hold ``{{`` (see :func:`braces_of`), found once."""
        return braces_of(self.data)


@dataclass(frozen=True)
class Violation:
    """A property that does not hold: which, what was seen, and the placeholder site if known."""

    prop: str
    message: str
    site: Site | None = None


def load_template(relpath: str, kind: str, text: str, data: Any) -> Template | None:  # noqa: ANN401
    """The template of a parsed content file, or None when it has no placeholder in a string."""
    sites = tuple(_sites(text))
    if not sites:
        return None
    from pkgkit.schemas.validation import is_valid  # noqa: PLC0415 - compiles validators on first use

    return Template(relpath, kind, text, data, sites, is_valid(kind, data))


def _sites(text: str) -> list[Site]:
    """Placeholders that sit inside JSON string tokens, with the pointer of their string."""
    result = scan(text)
    tokens = sorted(
        [(offset, pointer, False) for pointer, offset in result.values.items()]
        + [(offset, pointer, True) for pointer, offset in result.keys.items()]
    )
    tokens = [token for token in tokens if text.startswith('"', token[0])]
    starts = [token[0] for token in tokens]
    sites = []
    for placeholder in find_placeholders(text):
        slot = bisect.bisect_right(starts, placeholder.start) - 1
        if slot < 0:
            continue
        start, pointer, in_key = tokens[slot]
        match = _JSON_STRING.match(text, start)
        if match is None or placeholder.end > match.end():
            continue
        sites.append(
            Site(
                placeholder.name, placeholder.raw, placeholder.line, placeholder.column,
                _path(pointer), in_key,
            )
        )
    return sites


def _path(pointer: str) -> tuple[str | int, ...]:
    return tuple(pointer_tokens(pointer))


# --------------------------------------------------------------------------- the oracle


def substitute(text: str, values: Values) -> str:
    """One decoded string with each placeholder of a set variable replaced by its raw value."""
    if "{{" not in text:
        return text
    parts: list[str] = []
    last = 0
    for placeholder in find_placeholders(text):
        if placeholder.name in values:
            parts += [text[last : placeholder.start], values[placeholder.name]]
            last = placeholder.end
    parts.append(text[last:])
    return "".join(parts)


#: Where a JSON value's strings hold ``{{``: None where none does (nor any key below), True for
#: a string that does, else the same of each item of an array or member of an object.
Braces: TypeAlias = "bool | list[Braces] | dict[str, Braces] | None"


def braces_of(data: Any) -> Braces:  # noqa: ANN401 - JSON values
    """The :data:`Braces` of ``data``."""
    if isinstance(data, str):
        return True if "{{" in data else None
    if isinstance(data, list):
        items = [braces_of(item) for item in data]
        return items if any(item is not None for item in items) else None
    if isinstance(data, dict):
        members = {key: braces_of(value) for key, value in data.items()}
        if any("{{" in key or braces is not None for key, braces in members.items()):
            return members
    return None


def _substituted(data: Any, braces: Braces, values: Values) -> Any:  # noqa: ANN401
    """``data`` with every string (keys too) substituted, walking only where its strings hold
    ``{{``: a part without any is its own expected document (shared, never changed)."""
    if braces is None:
        return data
    if isinstance(braces, list):
        return [
            d if b is None else _substituted(d, b, values)
            for d, b in zip(data, braces, strict=True)
        ]
    if isinstance(braces, dict):
        return {
            substitute(k, values): v if b is None else _substituted(v, b, values)
            for (k, v), b in zip(data.items(), braces.values(), strict=True)
        }
    return substitute(data, values)


def expected_document(data: Any, values: Values) -> Any:  # noqa: ANN401 - JSON values
    """The document with every string (keys too) substituted: what rendering must give."""
    return _substituted(data, braces_of(data), values)


@functools.lru_cache(maxsize=256)
def _expected(template: Template, items: tuple[tuple[str, str], ...]) -> Any:  # noqa: ANN401
    return _substituted(template.data, template.braces, dict(items))


def expected_for(template: Template, values: Values) -> Any:  # noqa: ANN401
    """:func:`expected_document` of the template (memoised across properties)."""
    return _expected(template, tuple(values.items()))


_MISSING: Final = object()


def _resolve(data: Any, path: tuple[str | int, ...]) -> Any:  # noqa: ANN401
    """The value at ``path`` (keys and indexes as strings), or ``_MISSING``."""
    for token in path:
        if isinstance(data, dict) and token in data:
            data = data[token]
        elif isinstance(data, list) and str(token).isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return _MISSING
    return data


def _rendered_path(site: Site, template: Template, values: Values) -> tuple[str | int, ...]:
    """Where the site's string lands in the rendered document (placeholder keys change)."""
    if not site.renamed:
        return site.path
    path: list[str | int] = []
    data = template.data
    for token in site.path:
        is_key = isinstance(data, dict)
        data = data[token] if is_key else data[int(token)]
        path.append(substitute(str(token), values) if is_key else token)
    return tuple(path)


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Rendered:
    """The output of one render, parsed; ``problem`` says why there is no document."""

    text: str | None
    doc: Any
    problem: str | None


def _output(mode: RenderMode, text: str, items: tuple[tuple[str, str], ...]) -> str | None:
    """The rendered text alone (not parsed), None when the renderer fails."""
    try:
        return mode.render(text, dict(items))
    except Exception:  # _render says why, when it matters
        return None


@functools.lru_cache(maxsize=1024)
def _render(mode: RenderMode, text: str, items: tuple[tuple[str, str], ...]) -> Rendered:
    try:
        output = mode.render(text, dict(items))
    except Exception as error:  # a renderer failure is a finding, not a crash
        return Rendered(None, None, f"the renderer failed: {error}")
    try:
        return Rendered(output, parse_json(output), None)
    except json.JSONDecodeError as error:
        restated = restate_syntax_error(output, error)
        return Rendered(output, None, f"the output is not JSON: {restated}")
    except (ValueError, RecursionError) as error:
        return Rendered(output, None, f"the output is not JSON: {error}")


def render_once(template: Template, mode: RenderMode, values: Values) -> Rendered:
    """Render ``template`` (memoised: the properties of one example share renders)."""
    return _render(mode, template.text, tuple(values.items()))


# --------------------------------------------------------------------------- properties


def check_parses(template: Template, mode: RenderMode, values: Values) -> Violation | None:
    """Property 1: the rendered text parses as JSON."""
    rendered = render_once(template, mode, values)
    if rendered.problem is None:
        return None
    return Violation("parses", rendered.problem, _first_site_of_set(template, mode, values))


def check_round_trip(template: Template, mode: RenderMode, values: Values) -> Violation | None:
    """Property 2: every site of a set variable holds exactly the substituted text."""
    rendered = render_once(template, mode, values)
    if rendered.problem is not None:
        return None
    effective = mode.effective(values)
    expected = expected_for(template, effective)
    for site in template.sites:
        if site.name in effective:
            problem = _site_problem(site, template, effective, expected, rendered.doc)
            if problem:
                return Violation("round-trip", problem, site)
    return None


def _site_problem(
    site: Site, template: Template, values: Values, expected: Any, actual: Any  # noqa: ANN401
) -> str | None:
    path = _rendered_path(site, template, values)
    if site.in_key:
        parent = _resolve(actual, path[:-1])
        if isinstance(parent, dict) and path[-1] in parent:
            return None
        return f"the rendered document has no key {path[-1]!r} at {pointer_of(path[:-1]) or '/'}"
    want, got = _resolve(expected, path), _resolve(actual, path)
    if got is _MISSING:
        return f"the rendered document has nothing at {pointer_of(path)}"
    if want != got:
        return f"the site holds {got!r}; expected {want!r}"
    return None


def check_structure(template: Template, mode: RenderMode, values: Values) -> Violation | None:
    """Property 3: same keys, types and array lengths as the template."""
    rendered = render_once(template, mode, values)
    if rendered.problem is not None:
        return None
    effective = mode.effective(values)
    difference = _shape_difference(expected_for(template, effective), rendered.doc, ())
    if difference is None:
        return None
    path, message = difference
    site = _site_near(template, path)
    return Violation("structure", f"at {pointer_of(path) or '/'}: {message}", site)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "string" if isinstance(value, str) else "null"


#: JSON's containers (a tuple: isinstance tests it faster than the union ``dict | list``).
_CONTAINERS: Final = (dict, list)


def _shape_difference(
    want: Any, got: Any, path: tuple[str | int, ...]  # noqa: ANN401
) -> tuple[tuple[str | int, ...], str] | None:
    """The first place, depth first in the template's order, where ``got`` has another JSON type,
    other keys or another array length than ``want``; None when the shapes are the same."""
    if type(want) is not type(got) and _json_type(want) != _json_type(got):
        return path, f"{_json_type(got)} where the template has {_json_type(want)}"
    if isinstance(want, dict):
        if want.keys() != got.keys():
            extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
            return path, f"keys injected {extra}, keys lost {missing}"
        pairs: Iterable[tuple[str | int, Any]] = want.items()
    elif isinstance(want, list):
        if len(want) != len(got):
            return path, f"{len(got)} elements where the template has {len(want)}"
        pairs = enumerate(want)
    else:
        return None
    for key, w in pairs:
        g = got[key]
        # A scalar of the same Python type has the same shape: no call for most of a document.
        if type(w) is not type(g) or isinstance(w, _CONTAINERS):
            found = _shape_difference(w, g, (*path, key))
            if found:
                return found
    return None


def check_schema(template: Template, mode: RenderMode, values: Values) -> Violation | None:
    """Property 4: the rendered document validates against the artifact's schema."""
    if not template.schema_valid:
        return None
    rendered = render_once(template, mode, values)
    if rendered.problem is not None:
        return None
    from pkgkit.schemas.validation import is_valid, validate  # noqa: PLC0415

    if is_valid(template.kind, rendered.doc):
        return None
    error = next(iter(validate(template.kind, rendered.doc)))
    site = _site_near(template, _path(error.pointer))
    return Violation("schema", f"the {template.kind} schema rejects it: {error.message}", site)


def check_stable(template: Template, mode: RenderMode, values: Values) -> Violation | None:
    """Property 5: unset placeholders kept verbatim, order-independent, a fixed point."""
    rendered = render_once(template, mode, values)
    if rendered.problem is not None:
        return None
    effective = mode.effective(values)
    for site in template.sites:
        if site.name not in effective:
            path = _rendered_path(site, template, effective)
            holder = path[-1] if site.in_key else _resolve(rendered.doc, path)
            if not isinstance(holder, str) or site.raw not in holder:
                return Violation("stable", f"the unset placeholder is not kept: {holder!r}", site)
    items = tuple(values.items())
    if len(items) > 1 and _output(mode, template.text, items[::-1]) != rendered.text:
        return Violation("stable", "the output depends on the order the values are given in")
    text = rendered.text or ""
    if _output(mode, text, ()) == rendered.text:
        return None
    problem = _render(mode, text, ()).problem or (
        "rendering the output again with no values changes it"
    )
    culprit = _first_site_of_set(template, mode, values)
    return Violation("stable", f"not a fixed point (output rendered again): {problem}", culprit)


def _first_site_of_set(template: Template, mode: RenderMode, values: Values) -> Site | None:
    effective = mode.effective(values)
    return next((s for s in template.sites if s.name in effective), None)


def _site_near(template: Template, path: tuple[str | int, ...]) -> Site | None:
    """The first site at or below ``path``, else at or above it."""
    text_path = tuple(str(p) for p in path)
    for site in template.sites:
        site_path = tuple(str(p) for p in site.path)
        if site_path[: len(text_path)] == text_path or text_path[: len(site_path)] == site_path:
            return site
    return None


Check = Callable[[Template, RenderMode, Values], "Violation | None"]

#: Property name -> (one-line description, check).
PROPERTIES: Final[dict[str, tuple[str, Check]]] = {
    "parses": ("the rendered text parses as JSON", check_parses),
    "round-trip": ("every placeholder site holds exactly the value given", check_round_trip),
    "structure": ("the rendered document has the structure of the template", check_structure),
    "schema": ("the rendered document validates against its schema", check_schema),
    "stable": ("unset placeholders kept; order-independent; a fixed point", check_stable),
}


def culprits(check: Check, template: Template, mode: RenderMode, values: Values) -> list[str]:
    """The set variables that break ``check`` on their own, else every set variable."""
    effective = mode.effective(values)
    alone = [name for name in effective if check(template, mode, {name: effective[name]})]
    return alone or list(effective)


__all__ = [
    "PROPERTIES",
    "RENDER_MODES",
    "RenderMode",
    "Site",
    "Template",
    "Violation",
    "culprits",
    "expected_document",
    "load_template",
    "substitute",
]
