"""Option helpers shared by the two MkDocs plugins (site/plugin.py and bundle/plugin.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c


class Flag(c.Type):
    """true/false that also accepts what an environment variable holds (`!ENV`): 1/0, yes/no, on/off."""

    WORDS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False,
             "off": False, "": False}

    def __init__(self, default: bool):
        super().__init__(bool, default=default)

    def run_validation(self, value):
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            word = str(value).strip().lower()
            if word not in self.WORDS:
                raise c.ValidationError(f"expected true or false, found {value!r}")
            return self.WORDS[word]
        return super().run_validation(value)


def project_path(config, value: str) -> Path:
    """A path from mkdocs.yml, resolved against the folder of mkdocs.yml (absolute paths stay)."""
    base = Path(config.config_file_path or ".").resolve().parent
    return (base / Path(value).expanduser()).resolve()
