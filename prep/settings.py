"""The rep's own settings: keys they remapped (a file they edit) and the theme they chose (remembered).

`keys.yaml` in the config folder maps a binding id to keys, e.g. `home.new: ctrl+n`.
A bad file gives one message naming the line, and the defaults stay.
"""

from __future__ import annotations

import json
from pathlib import Path

from prep import paths as locations

KEYS_FILE = "keys.yaml"
STATE_FILE = "ui.json"
# Terminals swallow these or send them as other keys; a binding that needs them has no fallback.
SWALLOWED = {"ctrl+enter", "ctrl+h", "ctrl+j", "ctrl+m", "ctrl+i"}


def keys_path() -> Path:
    """Where the rep's key remapping lives."""
    return locations.config_dir() / KEYS_FILE


def read_keymap(path: Path, known_ids: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """The remapped keys, and one message per problem (file:line: what to do)."""
    import yaml

    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{path}: cannot read ({error}); the default keys are used"]
    except RecursionError:
        return {}, [f"{path}: nested far too deeply; write one `binding-id: keys` per line; the default keys are used"]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        return {}, [f"{path}{line}: not valid YAML ({error.problem}); the default keys are used"]
    if node is None:
        return {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, [f"{path}:1: write one `binding-id: keys` per line; the default keys are used"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        binding_id, keys = str(key_node.value), value_node.value
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}:{line}: `{binding_id}` needs keys, e.g. `{binding_id}: ctrl+n`")
            continue
        if known_ids is not None and binding_id not in known_ids:
            import difflib

            close = difflib.get_close_matches(binding_id, sorted(known_ids), n=1)
            hint = f"did you mean `{close[0]}`?" if close else "see the ids with `?` in the app"
            problems.append(f"{path}:{line}: no key binding is called `{binding_id}`; {hint}")
            continue
        swallowed = SWALLOWED.intersection(k.strip() for k in keys.split(","))
        if swallowed and all(k.strip() in SWALLOWED for k in keys.split(",")):
            problems.append(f"{path}:{line}: {', '.join(sorted(swallowed))} does not reach prep in most terminals; add another key")
            continue
        keymap[binding_id] = keys
    return keymap, problems


def load_theme() -> str | None:
    """The theme the rep chose last time, if any."""
    try:
        return json.loads((locations.state_dir() / STATE_FILE).read_text()).get("theme")
    except (OSError, ValueError, AttributeError):
        return None


def save_theme(theme: str) -> None:
    """Remember the rep's theme for next time."""
    from prep.storage.files import private_folder, write_file

    folder = private_folder(locations.state_dir())
    write_file(folder / STATE_FILE, json.dumps({"theme": theme}))
