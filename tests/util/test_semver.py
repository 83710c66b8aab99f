"""pkgkit.util.semver: what is a semantic version (semver.org 2.0.0), and precedence."""

import pytest

from pkgkit.util.semver import is_semver, version_key

VALID = ["1.0.0", "0.0.0", "10.20.30", "1.0.0-rc.1", "1.0.0+build", "1.0.0-0.3.7",
         "1.0.0-x-y-z.--", "1.0.0-alpha+001", "999999999999999999999.0.0"]  # fmt: skip
INVALID = ["01.0.0", "1.00.0", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.", "v1.0.0", " 1.0.0",
           "1.0.0 ", "\uff11.0.0", "1.\u0660.0", "1.\u00b2.0", "", "-1.0.0", "+1.0.0",
           "1.0.0-", "1.0.0-01", "1.0.0+"]  # fmt: skip


@pytest.mark.parametrize("version", VALID)
def test_semantic_versions(version):
    assert is_semver(version)


@pytest.mark.parametrize("version", INVALID)
def test_not_semantic_versions(version):
    assert not is_semver(version)


def test_precedence_follows_semver_org():
    ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
               "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0",
               "2.0.0"]  # fmt: skip
    keys = [version_key(version) for version in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert version_key("1.0.0+build.5") == version_key("1.0.0")
    assert version_key("1.0") is None
