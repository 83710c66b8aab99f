"""Reporter tests lint a copy of fixtures/go with one error (PKG008) from a fresh working
directory, so that reported paths are ``go/...``."""

import pytest

from helpers import go_with_duplicate_key


@pytest.fixture
def package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return go_with_duplicate_key(tmp_path)
