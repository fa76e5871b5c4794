"""Search finds words typed without accents ("sesion" finds "sesión"), hosted and from disk (DESIGN.md, "Languages").

Material's search keeps only the stop-word filter (no stemmer), so that results appear as a
word is typed (each word is a prefix query); a stemmer would break that ("queja" found 1 page
instead of 13 in a trial). So accents are not folded by a stemmer: each entry of the built search
index gets one more field, `folded`, with its title and text without accents, and the index
searches that field too. Results still show the text as written.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

INDEX = Path("search") / "search_index.json"
FIELD = "folded"
_TAGS = re.compile(r"<[^>]+>")


def fold(text: str) -> str:
    """'Sesión de resolución' -> 'Sesion de resolucion' (ñ stays ñ: it is its own letter)."""
    out = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and not (char == "\u0303" and out and out[-1] in "nN"):
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def fold_search_index(site_dir: Path) -> bool:
    """Add the accent-free field to the site's search index; False when the site has no index."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        words = html.unescape(_TAGS.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        folded = fold(words)
        doc[FIELD] = folded if folded != words else ""
    index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": 1.0}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
