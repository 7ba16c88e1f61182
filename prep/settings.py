"""Everything prep takes from the rep's environment, read once: one `Settings`.

Where the database is (`--db`, else PREP_DB, else the data folder), the rep's
language (PREP_LANG, else the locale), where checklists load from (the user's
folder, then each PREP_CHECKLISTS folder), where `keys.yaml` is, where briefs are
saved (a folder in the rep's documents), and what the app remembers between runs (the theme
and the language chosen in the app, in the state folder). Nothing else in prep reads
those environment variables: it is handed a Settings, or makes one here.

`keys.yaml` maps a binding id to keys, e.g. `home.new: ctrl+n`. A bad file gives
one message naming the line, and the defaults stay.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from prep import paths as locations
from prep.language import N_, _
from prep.storage import private_folder, write_file

KEYS_FILE = "keys.yaml"
STATE_FILE = "ui.json"
DATABASE_FILE = "prep.json"
# Terminals swallow these or send them as other keys; a binding that needs them has no fallback.
SWALLOWED = {"ctrl+enter", "ctrl+h", "ctrl+j", "ctrl+m", "ctrl+i"}
# The first of these that names a language wins; the locale ones in POSIX order.
LANGUAGE_VARIABLES = ("PREP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Settings:
    """Where prep reads and writes, the rep's language, and the remembered theme and language."""

    database: Path
    language: str
    user_checklists: Path
    team_checklists: tuple[Path, ...]
    keys_file: Path
    state_file: Path
    briefs: Path  # where the app saves briefs, and `prep forget` deletes a customer's
    theme: str | None = None
    database_named: bool = False  # by --db or PREP_DB, rather than the data folder's default
    chosen_language: str | None = None  # chosen in the app ("Language" in the palette), remembered
    cache: Path | None = None  # where the last good version of each team checklist is kept (None: nowhere)
    drafts: bool = False  # --drafts: offer checklists marked `status: draft` too
    me: str | None = None  # the rep's e-mail address (PREP_ME, else remembered from `calendar import --me`): whose colleagues are whose

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, *,
                         db: str | os.PathLike[str] | None = None) -> Settings:
        """Read the environment (`environ`, else os.environ) and the state file; `db` is the --db option."""
        env = os.environ if environ is None else environ
        state_file = locations.state_dir() / STATE_FILE
        chosen = remembered(state_file, "language")
        return cls(
            database=database_path(db, env),
            language=language(env, chosen),
            user_checklists=locations.user_checklists_dir(),
            team_checklists=team_checklist_dirs(env),
            keys_file=locations.config_dir() / KEYS_FILE,
            state_file=state_file,
            briefs=locations.briefs_dir(),
            theme=remembered(state_file, "theme"),
            database_named=bool(db or env.get("PREP_DB")),
            chosen_language=chosen,
            cache=locations.cache_dir(),
            me=env.get("PREP_ME", "").strip() or remembered(state_file, "me"),
        )

    @property
    def checklist_folders(self) -> tuple[Path, ...]:
        """Every folder checklists load from, in order: later ids replace earlier ones."""
        return (self.user_checklists, *self.team_checklists)

    def with_theme(self, theme: str) -> Settings:
        """These settings, remembering another theme (nothing is written: see `save_state`)."""
        return replace(self, theme=theme)

    def speaking(self, language: str) -> Settings:
        """These settings, with the language the rep chose in the app (nothing is written: see `save_state`)."""
        return replace(self, language=language, chosen_language=language)

    def save_state(self) -> None:
        """Write what the app remembers (theme, chosen language, the rep's address) into the state folder, readable by the rep only."""
        state = {"theme": self.theme, "language": self.chosen_language, "me": self.me}
        fix = N_("check the permissions of your state folder")
        private_folder(self.state_file.parent, fix=fix)
        write_file(self.state_file, json.dumps(state), fix=fix)


def database_path(explicit: str | os.PathLike[str] | None, environ: Mapping[str, str]) -> Path:
    """The database to use: `--db`, else PREP_DB, else the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = environ.get("PREP_DB", "")
    if from_env:
        return Path(from_env).expanduser()
    return locations.data_dir() / DATABASE_FILE


def language(environ: Mapping[str, str], chosen: str | None = None) -> str:
    """The rep's language: PREP_LANG, else the one chosen in the app, else the locale (de_DE.UTF-8 → de), else en.

    The C and POSIX locales say nothing about the rep's language, so they are skipped.
    """
    explicit, *locale = (environ.get(name, "") for name in LANGUAGE_VARIABLES)
    for value in (explicit, chosen or "", *locale):
        code = value.split(".")[0].split("@")[0].split("_")[0].strip().lower()
        if code and code not in ("c", "posix"):
            return code
    return "en"


def team_checklist_dirs(environ: Mapping[str, str]) -> tuple[Path, ...]:
    """Folders named in PREP_CHECKLISTS, separated like PATH (`:`, or `;` on Windows), in order."""
    raw = environ.get("PREP_CHECKLISTS", "")
    return tuple(Path(part.strip()).expanduser() for part in raw.split(os.pathsep) if part.strip())


def remembered(state_file: Path, name: str) -> str | None:
    """What the rep chose last time (`theme`, `language`), if the state file says it.

    The file is prep's own memory, not something the rep edits: when it is missing
    or unreadable, the default is simply used again.
    """
    try:
        value = json.loads(state_file.read_text(encoding="utf-8")).get(name)
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def read_keymap(path: Path, known_ids: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """The remapped keys, and one message per problem (file:line: what to do)."""
    import yaml

    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        return {}, [_("{path}: cannot read ({problem}); the default keys are used").format(path=path, problem=error)]
    except RecursionError:
        return {}, [_("{path}: nested far too deeply; write one `binding-id: keys` per line; "
                      "the default keys are used").format(path=path)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        place = f"{path}:{mark.line + 1}" if mark else str(path)
        return {}, [_("{place}: not valid YAML ({problem}); the default keys are used").format(place=place, problem=error.problem)]
    if node is None:
        return {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, [_("{place}: write one `binding-id: keys` per line; the default keys are used").format(place=f"{path}:1")]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        binding_id, keys = str(key_node.value), value_node.value
        if not isinstance(keys, str) or not keys.strip():
            problems.append(_("{place}: `{binding}` needs keys, e.g. `{binding}: ctrl+n`").format(
                place=f"{path}:{line}", binding=binding_id))
            continue
        if known_ids is not None and binding_id not in known_ids:
            import difflib

            close = difflib.get_close_matches(binding_id, sorted(known_ids), n=1)
            hint = _("did you mean `{binding}`?").format(binding=close[0]) if close else _("see the ids with `?` in the app")
            problems.append(_("{place}: no key binding is called `{binding}`; {hint}").format(
                place=f"{path}:{line}", binding=binding_id, hint=hint))
            continue
        swallowed = SWALLOWED.intersection(k.strip() for k in keys.split(","))
        if swallowed and all(k.strip() in SWALLOWED for k in keys.split(",")):
            problems.append(_("{place}: {keys} does not reach prep in most terminals; add another key").format(
                place=f"{path}:{line}", keys=", ".join(sorted(swallowed))))
            continue
        keymap[binding_id] = keys
    return keymap, problems
