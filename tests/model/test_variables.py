import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit.model.readme import Readme
from pkgkit.model.variables import SetArgument, documented_variables, set_arguments

#: The pattern :func:`set_arguments` implements (``re.finditer``).
SET_ARGUMENT = r"--set(?:[ \t]+|=)[\"']?(?P<name>[^\s=\"']+)=(?P<value>\S*)"
#: Command lines of ``--set`` arguments, near misses and Unicode white space among them.
COMMAND_LINE = st.lists(
    st.sampled_from(
        [
            *("--set", "--set ", "--set=", "--set a=", '--set \t"a=', "--set=\x85=", "--se"),
            *("-", "=", "==", '"', "'", "a", "b=c", "x"),
            *(" ", "\t", "\t ", "\n", "\r", "\x0b", "\x1c", "\x85", "\xa0", "\u2028"),
        ]
    ),
    max_size=24,
).map("".join)

README = """# pkg

Not in code: --set ignored=1

```shell
$ stanctl-integration import --package x \\
  --set servicename=$SERVICE_NAME --set=zone=eu-1
```

- item

  ```
  cli --set region="a b" --set empty= --set noequals --set 'zone=b c'

  ```
"""


def test_every_set_of_every_code_block_is_found_with_its_readme_position():
    assert documented_variables(Readme("README.md", README)) == [
        SetArgument("servicename", "$SERVICE_NAME", 7, 3),
        SetArgument("zone", "eu-1", 7, 35),
        SetArgument("region", '"a', 13, 7),
        SetArgument("empty", "", 13, 26),
        SetArgument("zone", "b", 13, 54),
    ]


def test_a_readme_without_code_blocks_documents_nothing():
    assert documented_variables(Readme("README.md", "# pkg\n\n--set a=b\n")) == []


@settings(max_examples=500)
@given(COMMAND_LINE)
def test_set_arguments_are_the_pattern_matches(text):
    matches = re.finditer(SET_ARGUMENT, text)
    expected = [(m.start(), m.end(), m["name"], m["value"]) for m in matches]
    assert list(set_arguments(text)) == expected
