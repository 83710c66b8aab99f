from pkgkit.model.readme import Readme
from pkgkit.model.variables import SetArgument, documented_variables

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
