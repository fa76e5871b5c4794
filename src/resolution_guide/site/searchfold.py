"""Search finds words typed without accents ("sesion" finds "sesión") and other forms of a word
("quejas" finds a page that says "queja"), hosted and from disk (DESIGN.md, "Languages").

Material's search keeps only the stop-word filter, so that results appear as a word is typed
(each word is a prefix query). lunr's stemmer would break that: prefix queries skip it, so an
index of stems missed what was typed ("quejas" found 1 page instead of 13, measured). Instead
each entry of the built index gets two more fields: `folded` (its title and text without
accents) and `family` (the words of the same Snowball stem that it does not contain). Results
still show the text as written."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

INDEX = Path("search") / "search_index.json"
FIELD = "folded"
FAMILY = "family"
_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{4,}")  # words of letters only; shorter ones are articles and the like


def fold(text: str) -> str:
    """'Sesión de resolución' -> 'Sesion de resolucion' (ñ stays ñ: it is its own letter)."""
    out = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and not (char == "\u0303" and out and out[-1] in "nN"):
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _stemmer(language: str):
    """The Snowball stemmer of a language (None when there is none: then no word families)."""
    import snowballstemmer

    names = {"es": "spanish", "fr": "french", "pt": "portuguese", "it": "italian", "de": "german"}
    name = names.get(language)
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def _number_forms(word: str) -> set[str]:
    """Singular <-> plural as Spanish makes them (queja/quejas, plazo/plazos, sesión/sesiones,
    escolar/escolares), so a form the guide never writes is still found. Only regular forms: a
    wrong guess is a word nobody types, which costs a few bytes, never a wrong result."""
    if len(word) < 4:
        return set()
    if word.endswith("iones"):
        return {word[:-5] + "ión"}
    if word.endswith("ión"):
        return {word[:-3] + "iones"}
    if word.endswith("es") and word[-3] not in "aeiouáéíóú":
        return {word[:-2]}  # escolares -> escolar (not federales -> federale)
    if word.endswith("s"):
        return {word[:-1]}
    if word[-1] in "aeo":
        return {word + "s"}
    if word[-1] in "lrdzn" and not any(c in word for c in "áéíóú"):
        return {word + "es"}  # escolar -> escolares (not están -> estánes)
    return set()


def word_families(texts: list[str], language: str) -> list[str]:
    """For each text: the words of the same family (same Snowball stem) that it does not contain,
    taken from all texts and from singular/plural forms, as written and without accents.

    Material searches each typed word as a prefix ("queja" -> queja*) and prefix queries skip
    lunr's stemmer, so stems in the index would never match what is typed; whole words of the
    family do: "quejas" finds a page that only says "queja"."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return [""] * len(texts)
    words_of = [{w.lower() for w in _WORD.findall(t)} for t in texts]
    family: dict[str, set[str]] = {}
    for words in words_of:
        for word in words:
            # the plural rule also where Snowball disagrees (escolar -> escol, escolares -> escolar)
            forms = {word} | (_number_forms(word) if language == "es" else set())
            family.setdefault(stemmer.stemWord(word), set()).update(
                written for form in forms for written in (form, fold(form)))
    out = []
    for words in words_of:
        extra = set().union(*(family.get(stemmer.stemWord(w), set()) for w in words)) if words else set()
        present = words | {fold(w) for w in words}
        # a word that begins a word of the text is found already (each typed word is a prefix)
        extra = {e for e in extra - present if not any(w.startswith(e) for w in present)}
        out.append(" ".join(sorted(extra)))
    return out


def fold_search_index(site_dir: Path, language: str) -> bool:
    """Add the accent-free and word-family fields to the site's search index; False when it has none."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    texts = [html.unescape(_TAGS.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")) for doc in docs]
    for doc, words, family in zip(docs, texts, word_families(texts, language)):
        folded = fold(words)
        doc[FIELD] = folded if folded != words else ""
        doc[FAMILY] = family
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[FIELD] = {"boost": 1.0}
    fields[FAMILY] = {"boost": 0.5}  # a page with the very word typed ranks above one with its family only
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
