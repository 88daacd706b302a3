"""One way to parse the project's YAML: PyYAML's safe loader, in its C version
(libyaml) when PyYAML has it. The build parses every data file and every page's front
matter once per language, and the C parser is several times faster. Bad YAML is
parsed again by the Python version, so an author gets the same message (problem,
line) on every machine, with or without libyaml."""
from __future__ import annotations

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    try:
        return yaml.load(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.load(text, Loader=yaml.SafeLoader)  # raises with its own message
