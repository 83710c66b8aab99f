"""pkgkit.model.names: the package name grammar, answered without compiling its pattern."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from pkgkit.model.names import SCOPE, UNSCOPED_NAME, is_scoped_name, is_unscoped_name

names = st.text(st.sampled_from("az09._-AZ/@ \n\u0131\u212a\u00e9\uff41"), max_size=6) | st.text()


@given(names)
@example("")
@example("go")
@example("go\n")
@example("-go")
@example("\u212a")  # KELVIN SIGN: lower-cases to "k", but is not [a-z]
def test_is_unscoped_name_is_a_full_match_of_the_pattern(name):
    assert is_unscoped_name(name) == (re.fullmatch(UNSCOPED_NAME, name) is not None)


@given(names)
def test_is_scoped_name_is_the_scope_then_an_unscoped_name(name):
    assert is_scoped_name(SCOPE + name) == is_unscoped_name(name)
