"""pkgkit.util.semver.is_semver: its plain x.y.z shortcut agrees with the full pattern."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pkgkit.util.semver import SEMVER, is_semver

PATTERN = re.compile(SEMVER)


def full(version: str) -> bool:
    return PATTERN.fullmatch(version) is not None


@pytest.mark.parametrize(
    "version",
    ["1.0.0", "0.0.0", "10.20.30", "01.0.0", "1.00.0", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.",
     "1.0.0-rc.1", "1.0.0+build", "v1.0.0", " 1.0.0", "1.0.0 ",
     "\uff11.0.0", "1.\u0660.0", "1.\u00b2.0",
     "", "-1.0.0", "+1.0.0", "1.0.0-", "1.0.0-01", "999999999999999999999.0.0"],
)
def test_tricky_versions(version):
    assert is_semver(version) == full(version)


DIGITS = st.text(alphabet="0123456789", min_size=0, max_size=4)
PIECES = st.one_of(DIGITS, st.text(alphabet="0123456789.-+a \u0660\uff11\u00b2", max_size=6))


@given(st.lists(PIECES, min_size=1, max_size=5).map(".".join))
def test_the_shortcut_agrees_with_the_pattern(version):
    assert is_semver(version) == full(version)
