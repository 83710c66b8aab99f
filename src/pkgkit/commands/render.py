"""``pkgkit render PATH --set name=value ...``: render a package's templates, as an import would.

PATH is one package folder. The rendered files are the JSON files of its content folders
(``dashboards/``, ``events/``, ``entities/``, ``smart-alerts/``): the files the Instana CLI
renders on import. ``package.json`` is not a template and is never rendered.

Output: ``--out DIR`` writes every rendered file under DIR at its package-relative path (each
atomically); ``--file RELPATH`` prints one rendered file; with neither, a summary of what would
be rendered is printed and nothing is written. pkgkit never writes into the package: DIR may not
be the package or lie inside it, and no output path may resolve outside DIR or into the package.

``--set`` in ``instana`` mode reads values as the Instana CLI does (``a=b=c`` sets ``b``, ``a=``
leaves ``a`` unset); in ``json-safe`` mode the value is everything after the first ``=``.

Exit codes: 0 rendered, 1 a file could not be rendered or its rendered text is not valid JSON
(reported with its line and column; the other files are still rendered, and a file whose output
is not JSON is still written or printed), 2 usage error (nothing written).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pkgkit.model.jsonfile import restate_syntax_error
from pkgkit.util.output import display_text

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Mapping

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package
    from pkgkit.model.placeholders import Placeholder
    from pkgkit.render.modes import Mode

_BOM = "\ufeff"


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``render``."""
    from pkgkit.render.modes import MODES  # noqa: PLC0415

    parser = subparsers.add_parser(
        "render",
        help="render a package's dashboards and events with --set values",
        description=(
            "Render the JSON files of one package's content folders with the given values, "
            "the way the Instana CLI does on import (or safely), and check the result is JSON. "
            "Without --out or --file, print what would be rendered."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the package folder")
    parser.add_argument(
        "--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
        help="a template variable's value (repeatable)",
    )
    parser.add_argument(
        "--mode", choices=MODES, default="instana",
        help="instana: exactly what the Instana CLI produces (HTML-escaped, not JSON-escaped); "
        "json-safe: values JSON-encoded inside strings (default: %(default)s)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--out", metavar="DIR", help="write the rendered files under DIR (outside the package)"
    )
    output.add_argument(
        "--file", metavar="RELPATH", help="print one rendered file, e.g. dashboards/main.json"
    )
    parser.set_defaults(run=run)


@dataclass
class _Rendered:
    """One content file after rendering: its text (None when it could not be rendered)."""

    file: JsonFile
    text: str | None = None
    placeholders: int = 0
    substituted: list[str] = field(default_factory=list)
    problem: str | None = None


def run(args: argparse.Namespace) -> int:
    """Render, then write, print or summarize; report problems on stderr."""
    mode: Mode = args.mode
    values, effective = _set_values(args.values, mode)
    package = _load(args.path)
    files = _select(package, args.file)
    targets = _targets(args.out, package.root, files) if args.out else {}
    _warn_variables(package, files, values, effective, mode)
    results = [_render(file, values, effective, mode) for file in files]
    if args.out:
        _write(results, targets)
    elif args.file:
        sys.stdout.write(results[0].text or "")
    else:
        _summarize(results, mode)
    return _report(results, package.root, targets)


# --------------------------------------------------------------------------- --set


def _set_values(pairs: list[str], mode: Mode) -> tuple[dict[str, str], set[str]]:
    """Values to render with, and the names that count as set in ``mode``."""
    from pkgkit.commands import UsageError  # noqa: PLC0415

    for pair in pairs:
        name, equals, _ = pair.partition("=")
        if not equals or not name:
            raise UsageError(f"--set {pair!r}: expected NAME=VALUE")
        if "." in name:
            raise UsageError(f"--set {pair!r}: dotted names (nested objects) are not supported")
    if mode == "json-safe":
        values = dict(pair.partition("=")[::2] for pair in pairs)
        return values, set(values)
    return _instana_values(pairs)


def _instana_values(pairs: list[str]) -> tuple[dict[str, str], set[str]]:
    """The CLI's reading of ``--set``; every given name is passed on, an empty value unset."""
    from pkgkit.render.renderer import parse_set_args  # noqa: PLC0415

    for pair in pairs:
        value = pair.partition("=")[2]
        if "=" in value:
            kept = value.split("=")[0]
            _warn(f"--set {pair}: the Instana CLI keeps only {kept!r} (the text before the next "
                  "'='); json-safe mode keeps the whole value")
    given = parse_set_args(pairs)
    return {pair.partition("=")[0]: "" for pair in pairs} | given, set(given)


# --------------------------------------------------------------------------- files


def _load(path: str) -> Package:
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.model.package import MANIFEST, has_content_folders, load_package  # noqa: PLC0415

    folder = Path(path)
    if not folder.is_dir():
        raise UsageError(f"{path}: not a package folder")
    if not ((folder / MANIFEST).is_file() or has_content_folders(path)):
        raise UsageError(f"{path}: not a package folder (no package.json, no content folder)")
    return load_package(path)


def _select(package: Package, relpath: str | None) -> list[JsonFile]:
    """Every content file, or the one ``--file`` names (a content file of the package)."""
    if relpath is None:
        return package.content
    from pkgkit.commands import UsageError  # noqa: PLC0415

    wanted = Path(relpath)
    if wanted.is_absolute() or ".." in wanted.parts:
        raise UsageError(f"--file {relpath}: give a path relative to the package, without '..'")
    for file in package.content:
        if Path(file.relpath) == wanted:
            return [file]
    raise UsageError(
        f"--file {relpath}: not a JSON file of the package's content folders "
        "(dashboards/, events/, entities/, smart-alerts/)"
    )


# --------------------------------------------------------------------------- --out


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _targets(out: str, root: str, files: list[JsonFile]) -> dict[str, str]:
    """relpath -> output path, each checked to stay inside ``out`` and out of the package."""
    from pkgkit.commands import UsageError  # noqa: PLC0415

    real_out, real_root = os.path.realpath(out), os.path.realpath(root)
    if Path(out).exists() and not Path(out).is_dir():
        raise UsageError(f"--out {out}: not a folder")
    if _inside(real_out, real_root):
        raise UsageError(f"--out {out}: inside the package; pkgkit never writes into a package")
    targets = {}
    for file in files:
        target = str(Path(out) / file.relpath)
        real = os.path.realpath(target)
        if ".." in Path(file.relpath).parts or not _inside(real, real_out) or real == real_out:
            raise UsageError(f"--out {out}: {target} would be written outside {out} (to {real})")
        if _inside(real, real_root):
            raise UsageError(f"--out {out}: {target} would be written into the package")
        targets[file.relpath] = target
    return targets


def _write(results: list[_Rendered], targets: Mapping[str, str]) -> None:
    """Write each rendered file, then list them. When one cannot be written, or the run is
    interrupted, remove the files and folders this run created (files it replaced keep their
    new content) and stop (exit 2, or 130)."""
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.util.atomic import write_atomically  # noqa: PLC0415

    created: list[Path] = []
    written: list[Path] = []
    try:
        for result in results:
            if result.text is None:
                continue
            target = Path(targets[result.file.relpath])
            try:
                _make_folders(target.parent, created)
                existed = target.exists() or target.is_symlink()
                write_atomically(target, result.text)
            except OSError as error:
                raise UsageError(
                    f"--out: cannot write {target}: {error.strerror or error}"
                    " (nothing this run created is left)"
                ) from None
            if not existed:
                created.append(target)
            written.append(target)
    except BaseException:
        _remove_created(created)
        raise
    sys.stdout.writelines(f"wrote {display_text(str(target))}\n" for target in written)


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create ``folder`` and its missing parents, outermost first, adding each to ``created``."""
    for path in [path for path in (folder, *folder.parents) if not path.exists()][::-1]:
        path.mkdir()
        created.append(path)


def _remove_created(created: list[Path]) -> None:
    """Remove what a failed ``--out`` created: its files, then its folders left empty."""
    for path in reversed(created):
        try:
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()
        except OSError:
            continue


# --------------------------------------------------------------------------- rendering


def _placeholders(text: str, mode: Mode) -> list[Placeholder]:
    """The placeholders ``--set`` can fill in ``mode`` (Handlebars literals are not variables)."""
    from pkgkit.render.renderer import find_placeholders  # noqa: PLC0415

    found = find_placeholders(text)
    return found if mode == "json-safe" else [p for p in found if not p.cli_literal]


def _source(file: JsonFile, mode: Mode) -> str:
    """The text the renderer sees: in instana mode a byte order mark stays, as in the CLI."""
    text = file.text or ""
    return _BOM + text if mode == "instana" and file.has_bom else text


def _render(
    file: JsonFile, values: Mapping[str, str], effective: set[str], mode: Mode
) -> _Rendered:
    from pkgkit.render.renderer import UnsupportedTemplate, render  # noqa: PLC0415

    if file.text is None:
        message = file.error.message if file.error else "cannot read file"
        return _Rendered(file, problem=f"{file.path}: cannot render: {message}")
    source = _source(file, mode)
    found = _placeholders(source, mode)
    names = [p.name for p in found if p.name in effective]
    try:
        return _Rendered(file, render(source, values, mode), len(found), names)
    except UnsupportedTemplate as error:
        where = f"{file.path}:{error.line}:{error.column}"
        return _Rendered(file, problem=f"{where}: cannot render: {error.reason}")
    except json.JSONDecodeError as error:
        error = restate_syntax_error(source, error)
        line, column = file.position(error.pos)
        where = f"{file.path}:{line}:{column}"
        return _Rendered(file, problem=f"{where}: json-safe mode needs a JSON file: {error.msg}")
    except (ValueError, RecursionError) as error:
        return _Rendered(file, problem=f"{file.path}: json-safe mode cannot render it: {error}")


def _json_problem(text: str) -> tuple[int, int, str] | None:
    """Line, column and message of the first reason ``text`` is not JSON for ``JSON.parse``."""
    from pkgkit.model.positions import line_column, scan  # noqa: PLC0415
    from pkgkit.render.renderer import parse_json  # noqa: PLC0415

    try:
        parse_json(text)
    except json.JSONDecodeError as error:
        error = restate_syntax_error(text, error)
        return error.lineno, error.colno, error.msg
    except ValueError as error:
        constants = scan(text).constants
        line, column = line_column(text, constants[0][1]) if constants else (1, 1)
        return line, column, str(error)
    except RecursionError:
        return 1, 1, "nested too deeply to parse"
    return None


# --------------------------------------------------------------------------- reporting


def _warn(message: str) -> None:
    sys.stderr.write(f"pkgkit: warning: {display_text(message)}\n")


def _names(files: Iterable[JsonFile], mode: Mode) -> set[str]:
    readable = (f for f in files if f.text is not None)
    return {p.name for f in readable for p in _placeholders(_source(f, mode), mode)}


def _warn_variables(
    package: Package, files: list[JsonFile], values: Mapping[str, str], effective: set[str],
    mode: Mode,
) -> None:
    """Variables the rendered files use but are not set; ``--set`` names the package never uses."""
    for name in sorted(_names(files, mode) - effective):
        _warn(f"variable {name!r} is not set; its placeholders stay as written")
    for name in sorted(set(values) - _names(package.content, mode)):
        _warn(f"--set {name}: unknown variable, the package never uses it")


def _summarize(results: list[_Rendered], mode: Mode) -> None:
    total = 0
    for result in results:
        if result.text is None:
            continue
        names = result.substituted
        total += len(names)
        detail = f" ({', '.join(sorted(set(names)))})" if names else ""
        sys.stdout.write(display_text(
            f"{result.file.relpath}: {len(names)} of {result.placeholders} placeholder(s) "
            f"substituted{detail}"
        ) + "\n")
    sys.stdout.write(
        f"{len(results)} file(s) rendered in {mode} mode, {total} placeholder(s) substituted; "
        "nothing written (use --out DIR or --file RELPATH)\n"
    )


def _report(results: list[_Rendered], root: str, targets: Mapping[str, str]) -> int:
    """Write each file's problem to stderr; 1 when there was any."""
    if not results:
        _warn(f"{root}: no JSON files in the content folders; nothing to render")
    failed = False
    for result in results:
        problem = result.problem
        if result.text is not None and (found := _json_problem(result.text)):
            line, column, message = found
            shown = targets.get(result.file.relpath, result.file.path)
            problem = (f"{shown}: the rendered text is not valid JSON at line {line}, "
                       f"column {column}: {message}")
        if problem:
            sys.stderr.write(f"pkgkit: error: {display_text(problem)}\n")
            failed = True
    return 1 if failed else 0
