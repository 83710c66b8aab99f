"""model.jsonfile: loading never raises; errors are located values; pointers are located lazily."""

import pytest

from pkgkit.model.jsonfile import MAX_FILE_BYTES, JsonFile, LoadErrorKind


def load(tmp_path, content, name="f.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return JsonFile(str(path), name, "event")


def test_a_clean_object_loads_without_scanning(tmp_path):
    file = load(tmp_path, '{"name": "A"}')
    assert file.ok
    assert file.data == {"name": "A"}
    assert file._scan is None
    assert not (file.has_bom or file.has_duplicate_keys or file.has_nonfinite)


@pytest.mark.parametrize(
    ("content", "kind", "position"),
    [
        ("", LoadErrorKind.EMPTY, (1, 1)),
        (" \n ", LoadErrorKind.EMPTY, (1, 1)),
        ('{\n  "a": 1\n  "b": 2\n}', LoadErrorKind.SYNTAX, (3, 3)),
        (b'{"a": "\xff"}', LoadErrorKind.ENCODING, (1, 8)),
        ("[1, 2]", LoadErrorKind.NOT_OBJECT, (1, 1)),
        ("[" * 2000 + "]" * 2000, LoadErrorKind.TOO_DEEP, (1, 501)),
    ],
)
def test_load_errors_are_values_with_positions(tmp_path, content, kind, position):
    file = load(tmp_path, content)
    assert not file.ok
    assert file.error.kind is kind
    assert (file.error.line, file.error.column) == position
    if kind is not LoadErrorKind.NOT_OBJECT:
        assert file.locate("/anything") == position


def test_unreadable_and_too_large(tmp_path):
    missing = JsonFile(str(tmp_path / "missing.json"), "missing.json", "event")
    assert missing.error.kind is LoadErrorKind.UNREADABLE
    assert missing.error.message == "cannot read file: No such file or directory"
    large = load(tmp_path, b" " * (MAX_FILE_BYTES + 1))
    assert large.error.kind is LoadErrorKind.TOO_LARGE


def test_locate_finds_the_value_or_its_closest_located_ancestor(tmp_path):
    file = load(tmp_path, '{\n  "rules": [\n    {"x": 1}\n  ]\n}\n')
    assert file.locate("") == (1, 1)
    assert file.locate("/rules") == (2, 12)
    assert file.locate("/rules/0/x") == (3, 11)
    assert file.locate("/rules/0/missing") == (3, 5)
    assert file.locate("/rules/7") == (2, 12)
    assert file.locate_key("/rules") == (2, 3)
    assert file.locate_key("/rules/0") == (3, 5)


def test_bom_is_stripped_and_takes_no_column_as_in_an_editor(tmp_path):
    file = load(tmp_path, b'\xef\xbb\xbf{"a": 1,\n "b": 2}')
    assert file.ok
    assert file.has_bom
    assert file.text.startswith("{")
    assert file.locate("/a") == (1, 7)
    assert file.locate("/b") == (2, 7)
    syntax = load(tmp_path, b'\xef\xbb\xbf{"a" 1}', "s.json")
    assert (syntax.error.line, syntax.error.column) == (1, 6)


def test_duplicate_keys_and_non_finite_numbers_are_flagged(tmp_path):
    file = load(tmp_path, '{"a": 1, "a": NaN}')
    assert file.ok
    assert file.has_duplicate_keys
    assert file.has_nonfinite
    assert file.data == {"a": pytest.approx(float("nan"), nan_ok=True)}


def test_get_follows_escaped_pointer_tokens(tmp_path):
    file = load(tmp_path, '{"a/b": {"~c": [10, 20]}}')
    assert file.get("/a~1b/~0c/1") == 20
    assert file.get("") == {"a/b": {"~c": [10, 20]}}
    assert file.get("/a~1b/~0c/2") is None
    assert file.get("/a~1b/~0c/x") is None
    assert file.get("/nope/deeper") is None
