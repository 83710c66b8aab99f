"""Render ``{{ name }}`` placeholders the way the Instana CLI does, or safely.

What the Instana CLI does
-------------------------
``stanctl-integration import`` (repository instana/observability-as-code, file
``tools/integration/src/handlers/import.ts``, ``handleImport`` -> ``importIntegration``; handlebars
``^4.7.8``) processes every JSON file like this::

    Handlebars.registerHelper('default', function (value, defaultValue) {
        return typeof value !== 'undefined' ? value : defaultValue;
    });
    const templateContent = fileContent.replace(/{{\\s*(\\w+)\\s*}}/g,
        (match, p1) => `{{default ${p1} "${match}"}}`);
    const resolvedContent = Handlebars.compile(templateContent)(paramsObject);
    JSON.parse(resolvedContent);

``paramsObject`` comes from ``parseParams(--set ...)``: ``const [key, value] = param.split('=')``
(so ``a=b=c`` sets ``a`` to ``b``), ``acc[key] = value || acc[key]`` (an empty value leaves the
name unset), and dotted keys build nested objects. :func:`parse_set_args` mirrors it.

Consequences, all reproduced by :func:`render_instana` (``"instana"`` mode):

* Only ``{{\\s*\\w+\\s*}}`` is rewritten, with JavaScript's classes: ``\\w`` is ASCII
  ``[A-Za-z0-9_]`` and ``\\s`` is JavaScript white space (including no-break space, U+2028, BOM).
* Compile options are Handlebars' defaults: HTML escaping is on (``&<>"'`=`` become
  ``&amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;``), ``strict`` is off. Nothing JSON-escapes values.
* An unset name renders the ``default`` helper's second argument: the placeholder text exactly as
  written (it never contains an escapable character, so escaping leaves it unchanged). An empty
  ``--set name=`` also counts as unset. Prototype names (``constructor``, ``toString``...) are unset
  unless given: Handlebars >= 4.6 denies prototype access.
* Handlebars reads the argument as an expression, so some names are literals: ``{{ 123 }}``
  renders ``123`` (``{{ 007 }}`` renders ``7``: JavaScript number formatting), ``{{ true }}`` and
  ``{{ false }}`` render themselves, ``{{ null }}`` renders nothing, ``{{ undefined }}`` stays as
  written and ``{{ this }}`` renders ``[object Object]`` - whatever ``--set`` says.
* ``{{{ name }}}`` becomes ``{{{default name "{{ name }}"}}}``: a triple-stash, so the value is
  inserted *unescaped*. ``{{ name }}}`` and ``{{{ name }}`` make Handlebars fail to parse. An
  unescaped number or boolean literal is written as JavaScript writes it, but two in a row are
  *added* by Handlebars' compiled JavaScript (``{{{7}}}{{{7}}}`` renders ``14``): that raises
  :class:`UnsupportedTemplate` (with anything written between them, each is written as text).
* ``\\{{ name }}`` is a Handlebars escape, applied *after* the rewrite: the output holds the mangled
  text ``{{default name "`` followed by the escaped value (or nothing) and ``"}}``.
  ``\\\\{{ name }}`` renders one backslash followed by the value.
* Any other mustache (``{{ a-b }}``, ``{{ a.b }}``, ``{{#if}}``...) is left to Handlebars. Of
  those, this module reproduces a plain single-name lookup (``{{ a-b }}``: the value, or nothing
  when unset - *not* preserved) and explicit ``{{default x "y"}}`` calls. Everything else - paths,
  blocks, partials, comments, sub-expressions, hash arguments, ``~`` white-space control,
  decorators, raw blocks, data variables, ``{{ this }}`` with a ``toString``/``toHTML`` value -
  raises :class:`UnsupportedTemplate` naming the line and column. So do templates the CLI itself
  cannot compile (parse errors, a NUL character outside a mustache); the message says so.

``"json-safe"`` mode
--------------------
:func:`render_json_safe` parses the JSON and substitutes placeholders only inside string tokens
(values and keys) with the raw value, re-encoding just the changed tokens with ``json.dumps``; every
other byte of the file is kept, so formatting survives. The result always parses and each site
holds exactly the value. There, every ``\\w+`` name is a variable (``{{ true }}`` is looked up like
any other name), an empty value is a value, and ``{{{ name }}}`` is substituted like
``{{ name }}``.

Offsets are character (code point) offsets into the text; lines and columns are 1-based, lines end
at ``\\n``.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, TypeAlias

from pkgkit.model.jsonfile import javascript_int
from pkgkit.model.placeholders import (
    JS_WS,
    JS_WS_CLASS,
    PLACEHOLDER,
    MalformedPlaceholder,
    Placeholder,
    find_malformed_placeholders,
    find_placeholders,
    sites,
)
from pkgkit.model.positions import line_column
from pkgkit.render.modes import MODES, Mode

__all__ = [
    "MODES",
    "MalformedPlaceholder",
    "Mode",
    "Placeholder",
    "UnsupportedTemplate",
    "find_malformed_placeholders",
    "find_placeholders",
    "html_escape",
    "parse_set_args",
    "render",
    "render_instana",
    "render_json_safe",
]

_HTML_ESCAPES: Final = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
        "`": "&#x60;",
        "=": "&#x3D;",
    }
)
# Object.prototype's functions -> their JavaScript names.
_PROTOTYPE_FUNCTIONS: Final = {
    name: name
    for name in (
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
    )
} | {"constructor": "Object"}
# Helpers registered in the CLI's Handlebars instance: a bare ``{{ if }}`` mustache calls them
# with no arguments. These throw; ``log`` and ``helperMissing`` render nothing; ``default``
# returns its options object.
_FAILING_HELPERS: Final = frozenset(
    {"blockHelperMissing", "each", "if", "unless", "with", "lookup"}
)
_EMPTY_HELPERS: Final = frozenset({"helperMissing", "log"})


class UnsupportedTemplate(ValueError):  # noqa: N818 - the name is part of the agreed API
    """The template uses Handlebars this module does not reproduce, or that the CLI rejects."""

    def __init__(self, reason: str, *, offset: int, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}: {reason}")
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column


# --------------------------------------------------------------------------- positions


def _error(text: str, offset: int, reason: str) -> UnsupportedTemplate:
    line, column = line_column(text, offset)
    return UnsupportedTemplate(reason, offset=offset, line=line, column=column)


# --------------------------------------------------------------------------- instana mode


def html_escape(value: str) -> str:
    """Handlebars' ``escapeExpression`` for a string."""
    return value.translate(_HTML_ESCAPES)


def parse_set_args(args: Iterable[str]) -> dict[str, str]:
    """``--set name=value`` arguments as the CLI's ``parseParams`` reads them.

    ``a=b=c`` sets ``a`` to ``b`` (``split('=')`` keeps the second field), ``a=`` and ``a`` leave
    ``a`` unset, a later value wins. Dotted keys build nested objects in the CLI; they raise
    ``ValueError`` here. Not mirrored: in the CLI ``constructor=`` (any ``Object.prototype``
    name with an empty value) sets the inherited function; ``render_instana`` reproduces that
    when given the name with an empty value.
    """
    result: dict[str, str] = {}
    for arg in args:
        key, *rest = arg.split("=")
        if "." in key:
            raise ValueError(f"--set {arg!r}: dotted keys (nested objects) are not supported")
        if rest and rest[0] and key != "__proto__":
            result[key] = rest[0]
    return result


def _context(values: Mapping[str, str]) -> dict[str, str]:
    """The JavaScript object the CLI renders with (``acc[key] = value || acc[key]``).

    An empty value leaves the name unset - except for ``Object.prototype`` members, where the
    assignment copies the inherited function into an own property, rendered as its source text.
    ``__proto__`` is never set.
    """
    context = {}
    for key, value in values.items():
        if "." in key:
            raise ValueError(f"value name {key!r}: dotted names (nested objects) are not supported")
        if value and key != "__proto__":
            context[key] = value
        elif not value and key in _PROTOTYPE_FUNCTIONS:
            context[key] = _prototype_function(key)
    return context


def _prototype_function(name: str) -> str:
    """``String(Object.prototype[name])`` for one of the prototype's functions."""
    return f"function {_PROTOTYPE_FUNCTIONS[name]}() {{ [native code] }}"


class _OffsetMap:
    """Map offsets in the rewritten template back to the original text."""

    def __init__(self) -> None:
        self._new_starts: list[int] = []
        self._spans: list[tuple[int, int, int]] = []  # new end, original start, original end

    def add(self, new: tuple[int, int], original: tuple[int, int]) -> None:
        self._new_starts.append(new[0])
        self._spans.append((new[1], *original))

    def original(self, offset: int) -> int:
        """Inside a rewritten placeholder: its start; elsewhere: the same character."""
        slot = bisect.bisect_right(self._new_starts, offset) - 1
        if slot < 0:
            return offset
        new_end, original_start, original_end = self._spans[slot]
        if offset < new_end:
            return original_start
        return offset - new_end + original_end


def _rewrite(text: str) -> tuple[str, _OffsetMap]:
    """The CLI's ``replace(/{{\\s*(\\w+)\\s*}}/g, ...)``, plus an offset map."""
    parts: list[str] = []
    offsets = _OffsetMap()
    length = last = 0
    for match in re.finditer(PLACEHOLDER, text):
        literal = text[last : match.start()]
        replacement = f'{{{{default {match.group(1)} "{match.group(0)}"}}}}'
        parts += [literal, replacement]
        length += len(literal)
        offsets.add((length, length + len(replacement)), match.span())
        length += len(replacement)
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), offsets


def render_instana(text: str, values: Mapping[str, str]) -> str:
    """Exactly what the Instana CLI hands to ``JSON.parse`` for ``text`` and ``--set`` ``values``.

    Raises :class:`UnsupportedTemplate` for Handlebars this module does not model or the CLI
    rejects, and ``ValueError`` for dotted value names.
    """
    program, offsets = _compile(text)
    renderer = _Renderer(_context(values))
    try:
        return renderer.run(program)
    except _HandlebarsError as error:
        raise _error(text, offsets.original(error.offset), error.reason) from None


@functools.lru_cache(maxsize=64)
def _compile(text: str) -> tuple[tuple[_Part, ...], _OffsetMap]:
    """The template as the CLI compiles it, lexed once for any values (Handlebars.compile):
    every property check of ``pkgkit test`` renders the same template with other values."""
    source, offsets = _rewrite(text)
    return _Lexer(source).parts(), offsets


_TO_STRING: Final = "function toString() { [native code] }"


class _HandlebarsError(Exception):
    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


_CLI_FAILS: Final = "the Instana CLI's Handlebars rejects this template"

# Unsupported mustache openings and why, in the order of Handlebars' lexer rules.
_OPENINGS: Final = (
    (r"\{\{\{\{", "raw blocks ('{{{{') are not supported"),
    (r"\{\{(~)?>", "partials ('{{>') are not supported"),
    (r"\{\{(~)?#", "block helpers and decorators ('{{#') are not supported"),
    (r"\{\{(~)?/", f"a block end ('{{{{/') without its block: {_CLI_FAILS}"),
    (r"\{\{(~)?\^", "inverse sections ('{{^') are not supported"),
    (r"\{\{(~)?" + JS_WS + r"*else\b", f"'{{{{else}}}}' outside a block: {_CLI_FAILS}"),
    (r"\{\{(~)?!", "comments ('{{!') are not supported"),
    (r"\{\{~", "white-space control ('{{~') is not supported"),
    (r"\{\{\*", "decorators ('{{*') are not supported"),
)

_LOOKAHEAD: Final = "(?=[=~}" + JS_WS_CLASS + r"/.)|])"
_LITERAL_LOOKAHEAD: Final = "(?=[~}" + JS_WS_CLASS + ")])"
# Body tokens of a mustache, in the order of Handlebars' lexer rules (first match wins).
_TOKEN_RULES: Final = (
    ("INVALID", r"\}\}\}\}"),
    ("OTHER", r"[()]|\{\{|=|\.\.|\.|/"),
    ("WS", JS_WS + "+"),
    ("CLOSE_UNESCAPED", r"\}(~)?\}\}"),
    ("CLOSE", r"(~)?\}\}"),
    ("STRING", r'"(?:\\"|[^"])*"'),
    ("STRING", r"'(?:\\'|[^'])*'"),
    ("OTHER", "@"),
    ("BOOLEAN", "(?:true|false)" + _LITERAL_LOOKAHEAD),
    ("UNDEFINED", "undefined" + _LITERAL_LOOKAHEAD),
    ("NULL", "null" + _LITERAL_LOOKAHEAD),
    ("NUMBER", r"-?[0-9]+(?:\.[0-9]+)?" + _LITERAL_LOOKAHEAD),
    ("OTHER", "as" + JS_WS + r"+\||\|"),
    ("ID", "[^" + JS_WS_CLASS + r"!\"#%-,\./;->@\[-\^`\{-~]+" + _LOOKAHEAD),
    ("OTHER", r"\["),
    ("INVALID", "."),
)
_VALUE_KINDS: Final = frozenset({"ID", "NUMBER", "BOOLEAN", "NULL", "UNDEFINED"})


@functools.cache
def _compiled_openings() -> tuple[tuple[re.Pattern[str], str], ...]:
    """:data:`_OPENINGS` compiled on first render: linting never needs them."""
    return tuple((re.compile(pattern, re.ASCII), what) for pattern, what in _OPENINGS)


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """:data:`_TOKEN_RULES` as one pattern (compiled on first render): the alternatives are tried
    in order, so the first rule that matches wins; group ``r<N>`` is rule N's."""
    rules = "|".join(f"(?P<r{index}>{pattern})" for index, (_, pattern) in enumerate(_TOKEN_RULES))
    return re.compile(rules, re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    offset: int


class _Undefined:
    """JavaScript ``undefined``."""


_UNDEFINED: Final = _Undefined()
_JsValue: TypeAlias = str | bool | float | _Undefined | dict[str, str] | None


@dataclass(frozen=True, slots=True)
class _Text:
    """Text written as it is; ``separates`` when any was lexed (an escape may write none): an
    unescaped number before it is then not added to one after it."""

    text: str
    separates: bool


@dataclass(frozen=True, slots=True)
class _Mustache:
    """A lexed mustache: its body tokens (closing braces excluded) and where it starts."""

    tokens: tuple[_Token, ...]
    start: int
    unescaped: bool


@dataclass(frozen=True, slots=True)
class _Rejected:
    """Where and why Handlebars rejects the template: lexing stops there."""

    offset: int
    reason: str


_Part: TypeAlias = _Text | _Mustache | _Rejected


class _Lexer:
    """A small Handlebars 4.7 lexer for the templates the CLI produces: what is written, what
    is evaluated, and the first error, in template order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[_Part] = []

    def parts(self) -> tuple[_Part, ...]:
        """The template's parts up to the end or its first error (the last part then)."""
        pos, escaped = 0, False
        try:
            while pos < len(self.source):
                if escaped:
                    pos, escaped = self._escaped_content(pos), False
                    continue
                pos, escaped = self._content(pos)
        except _HandlebarsError as error:
            self.out.append(_Rejected(error.offset, error.reason))
        return tuple(self.out)

    def _check_no_nul(self, start: int, end: int) -> None:
        nul = self.source.find("\x00", start, end)
        if nul >= 0:
            raise _HandlebarsError(nul, f"NUL character outside a mustache: {_CLI_FAILS}")

    def _content(self, pos: int) -> tuple[int, bool]:
        """Lexer state INITIAL: text up to the next ``{{`` and its backslash escapes."""
        opening = self.source.find("{{", pos)
        end = len(self.source) if opening < 0 else opening
        self._check_no_nul(pos, end)
        content = self.source[pos:end]
        if opening < 0:
            self.out.append(_Text(content, bool(content)))
            return end, False
        if content.endswith("\\\\"):
            self.out.append(_Text(content[:-1], separates=True))
        elif content.endswith("\\"):
            self.out.append(_Text(content[:-1], separates=True))
            return end, True
        elif content:
            self.out.append(_Text(content, separates=True))
        return self._mustache(opening), False

    def _escaped_content(self, pos: int) -> int:
        """Lexer state ``emu``: at least two characters, up to the next (escaped) ``{{`` or end."""
        ends = [self.source.find(mark, pos + 2) for mark in ("{{", "\\{{", "\\\\{{")]
        end = min([e for e in ends if e >= 0], default=len(self.source))
        self._check_no_nul(pos, end)
        self.out.append(_Text(self.source[pos:end], separates=True))
        return end

    def _mustache(self, start: int) -> int:
        for pattern, what in _compiled_openings():
            if pattern.match(self.source, start):
                raise _HandlebarsError(start, what)
        triple = self.source.startswith("{{{", start)
        unescaped = triple or self.source.startswith("{{&", start)
        tokens, end = self._tokens(start + (3 if unescaped else 2))
        close = tokens.pop()
        if "~" in close.text:
            raise _HandlebarsError(close.offset, "white-space control ('~}}') is not supported")
        if close.kind != ("CLOSE_UNESCAPED" if triple else "CLOSE"):
            raise _HandlebarsError(close.offset, f"unbalanced mustache braces: {_CLI_FAILS}")
        self.out.append(_Mustache(tuple(tokens), start, unescaped))
        return end

    def _tokens(self, pos: int) -> tuple[list[_Token], int]:
        """Body tokens up to and including the closing braces, and the offset after them."""
        tokens: list[_Token] = []
        while True:
            if pos >= len(self.source):
                raise _HandlebarsError(pos, f"unclosed mustache: {_CLI_FAILS}")
            token = self._token(pos)
            pos += len(token.text)
            if token.kind == "INVALID":
                raise _HandlebarsError(token.offset, f"{token.text!r} in a mustache: {_CLI_FAILS}")
            if token.kind == "OTHER":
                raise _HandlebarsError(
                    token.offset, f"Handlebars syntax {token.text!r} in a mustache is not supported"
                )
            if token.kind != "WS":
                tokens.append(token)
            if token.kind.startswith("CLOSE"):
                return tokens, pos

    def _token(self, pos: int) -> _Token:
        match = _token_pattern().match(self.source, pos)
        if match is None or match.lastgroup is None:  # pragma: no cover - '.' matches anything
            raise _HandlebarsError(pos, f"unexpected character: {_CLI_FAILS}")
        return _Token(_TOKEN_RULES[int(match.lastgroup[1:])][0], match.group(0), pos)


class _Renderer:
    """A small Handlebars 4.7 evaluator of a lexed template (:func:`_compile`)."""

    def __init__(self, context: dict[str, str]) -> None:
        self.context = context
        #: The last thing written was an unescaped number or boolean, with no text after it.
        self.number_last = False

    def run(self, program: tuple[_Part, ...]) -> str:
        out: list[str] = []
        for part in program:
            if isinstance(part, _Text):
                out.append(part.text)
                self.number_last = self.number_last and not part.separates
            elif isinstance(part, _Mustache):
                out.append(self._write(part))
            else:
                raise _HandlebarsError(part.offset, part.reason)
        return "".join(out)

    def _write(self, mustache: _Mustache) -> str:
        value = self._evaluate(mustache.tokens, mustache.start)
        number = mustache.unescaped and isinstance(value, bool | float)
        if number and self.number_last:
            raise _HandlebarsError(
                mustache.start,
                "an unescaped number or boolean right after another: Handlebars' compiled"
                " JavaScript adds them ('{{{7}}}{{{7}}}' renders 14), which is not modelled",
            )
        self.number_last = number
        text = _to_string(value, mustache.start)
        return text if mustache.unescaped else html_escape(text)

    def _evaluate(self, tokens: tuple[_Token, ...], start: int) -> _JsValue:
        if len(tokens) == 1 and tokens[0].kind in _VALUE_KINDS:
            return self._simple_mustache(tokens[0])
        if (
            len(tokens) == 3
            and tokens[0].kind == "ID"
            and tokens[0].text == "default"
            and tokens[1].kind in _VALUE_KINDS | {"STRING"}
            and tokens[2].kind == "STRING"
        ):
            value = self._param(tokens[1])
            return _unquote(tokens[2].text) if isinstance(value, _Undefined) else value
        if not tokens:
            raise _HandlebarsError(start, f"empty mustache: {_CLI_FAILS}")
        raise _HandlebarsError(
            start, "only '{{ name }}' and '{{default name \"text\"}}' mustaches are supported"
        )

    def _simple_mustache(self, token: _Token) -> _JsValue:
        """``{{ x }}`` with no arguments: a helper call or a context lookup of one name."""
        name = _js_number(float(token.text)) if token.kind == "NUMBER" else token.text
        if name in _FAILING_HELPERS:
            raise _HandlebarsError(token.offset, f"'{{{{ {name} }}}}' throws: {_CLI_FAILS}")
        if name in _EMPTY_HELPERS:
            return ""
        if name == "default":
            return {}
        if name == "this":
            return self.context
        value = self.context.get(name, "")
        if name in _PROTOTYPE_FUNCTIONS and value == _prototype_function(name):
            raise _HandlebarsError(token.offset, f"calling {name}() as a helper is not supported")
        return value

    def _param(self, token: _Token) -> _JsValue:
        if token.kind == "ID":
            if token.text == "this":
                return self.context
            return self.context.get(token.text, _UNDEFINED)
        if token.kind == "STRING":
            return _unquote(token.text)
        return _literal(token)


def _literal(token: _Token) -> _JsValue:
    if token.kind == "BOOLEAN":
        return token.text == "true"
    if token.kind == "NULL":
        return None
    if token.kind == "UNDEFINED":
        return _UNDEFINED
    return float(token.text)


def _unquote(string: str) -> str:
    quote = string[0]
    return string[1:-1].replace("\\" + quote, quote)


def _to_string(value: _JsValue, offset: int) -> str:
    """What Handlebars writes for a helper or lookup result (before escaping)."""
    if isinstance(value, dict):
        if "toHTML" in value or value.get("toString", _TO_STRING) != _TO_STRING:
            raise _HandlebarsError(offset, f"'this' with a toString/toHTML value: {_CLI_FAILS}")
        return "[object Object]"
    if value is None or isinstance(value, _Undefined):
        return ""
    return _js_string(value)


def _js_string(value: str | bool | float) -> str:
    """JavaScript's ``String(value)`` for the values a template can produce."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return _js_number(value)


def _js_number(number: float) -> str:
    """JavaScript's ``Number.prototype.toString()``: shortest round-trip digits, JS layout."""
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    _, digits, exponent = Decimal(repr(abs(number))).normalize().as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    return ("-" if number < 0 else "") + _js_layout(text, exponent + len(text))


def _js_layout(digits: str, point: int) -> str:
    """Place the decimal point like ECMAScript Number::toString (k digits, point = n)."""
    k = len(digits)
    if k <= point <= 21:
        return digits + "0" * (point - k)
    if 0 < point <= 21:
        return digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return "0." + "0" * -point + digits
    exponent = point - 1
    exp_text = ("+" if exponent >= 0 else "-") + str(abs(exponent))
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return head + "e" + exp_text


# --------------------------------------------------------------------------- json-safe mode

_JSON_STRING: Final = r'"(?:[^"\\]|\\.)*"'
_SURROGATE: Final = "[\ud800-\udfff]"


@functools.cache
def _json_string() -> re.Pattern[str]:
    return re.compile(_JSON_STRING, re.DOTALL)


def reject_constant(name: str) -> float:
    """``parse_constant`` for :func:`json.loads`: ``NaN`` and ``Infinity`` are not JSON."""
    raise ValueError(f"{name} is not JSON")


def parse_json(text: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
    """``text`` read as ``JSON.parse`` reads it. Raises ``ValueError`` (``json.JSONDecodeError``
    for syntax) for what it rejects, ``NaN`` and ``Infinity`` included; an integer too long for
    :class:`int` is a float (``inf`` past about 1.8e308), as JavaScript reads every number."""
    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer too long for int(), or a constant (rejected again here)
        return json.loads(text, parse_constant=reject_constant, parse_int=javascript_int)


def _dump_string(value: str) -> str:
    encoded = json.dumps(value, ensure_ascii=False)
    return re.sub(_SURROGATE, lambda m: f"\\u{ord(m.group(0)):04x}", encoded)


def _substitute(text: str, values: Mapping[str, str]) -> str:
    parts: list[str] = []
    last = 0
    for site in sites(text):
        name = site.match.group(1)
        if name not in values:
            continue
        start, end = (site.start, site.end) if site.unescaped else site.match.span()
        parts += [text[last:start], values[name]]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def render_json_safe(text: str, values: Mapping[str, str]) -> str:
    """Substitute placeholders inside JSON strings and keys; keep the rest of ``text`` as is.

    Raises ``ValueError`` (``json.JSONDecodeError`` for syntax) when ``text`` is not JSON.
    """
    if not values:  # nothing to substitute: the text itself, once it is JSON
        parse_json(text)
        return text
    parts: list[str] = []
    last = 0
    for start, end, decoded in _braced_strings(text):
        substituted = _substitute(decoded, values)
        if substituted != decoded:
            parts += [text[last:start], _dump_string(substituted)]
            last = end
    parts.append(text[last:])
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def _braced_strings(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the string tokens of JSON ``text`` that may hold a placeholder are, decoded: found
    once per text, as every property check of ``pkgkit test`` renders the same template.

    Raises ``ValueError`` (``json.JSONDecodeError`` for syntax) when ``text`` is not JSON.
    """
    parse_json(text)
    return tuple(
        (match.start(), match.end(), json.loads(match.group(0)))
        for match in _json_string().finditer(text)  # in valid JSON, every string token in order
        if "{" in match.group(0) or "\\" in match.group(0)  # a brace, written or escaped
    )


def render(text: str, values: Mapping[str, str], mode: Mode = "instana") -> str:
    """Render ``text`` in ``mode`` (``"instana"`` or ``"json-safe"``)."""
    if mode == "instana":
        return render_instana(text, values)
    if mode == "json-safe":
        return render_json_safe(text, values)
    raise ValueError(f"unknown render mode {mode!r}; expected one of {', '.join(MODES)}")
