"""The rep's database, sealed: the rest of prep uses what this package exports, nothing inside it.

`Store` keeps meetings (TinyDB over an fsync'd journal, loaded with the first read,
not at import); `Autosave` writes them off the UI thread; `write_file` and
`private_folder` are the one way prep writes any file.
"""

from prep.storage.autosave import Autosave
from prep.storage.files import SHARED, private_folder, write_file
from prep.storage.store import Saved, Store

__all__ = ["SHARED", "Autosave", "Saved", "Store", "private_folder", "write_file"]
