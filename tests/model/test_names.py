"""pkgkit.model.names: the package name grammar."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pkgkit.model.names import SCOPE, is_scoped_name, is_unscoped_name

names = st.text(st.sampled_from("az09._-AZ/@ \n\u0131\u212a\u00e9\uff41"), max_size=6) | st.text()


@pytest.mark.parametrize("name", ["go", "a", "0x", "go-runtime", "a.b_c", "9"])
def test_unscoped_names(name):
    assert is_unscoped_name(name)


@pytest.mark.parametrize(
    "name",
    ["", "Go", "-go", ".go", "_go", "go\n", "go x", "go/x", "@go", "\u00e9", "\u212a", "\uff41"],
)
def test_not_unscoped_names(name):
    """``\u212a`` (KELVIN SIGN) lower-cases to ``k`` but is not ``[a-z]``."""
    assert not is_unscoped_name(name)


@given(names)
def test_is_scoped_name_is_the_scope_then_an_unscoped_name(name):
    assert is_scoped_name(SCOPE + name) == is_unscoped_name(name)
