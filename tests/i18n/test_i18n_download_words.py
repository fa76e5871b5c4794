"""Each language's Download page links the zip in its own words (issue 12: the Download page text)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from resolution_guide.bundle.archive import BundleInfo
from resolution_guide.bundle.markers import MARKER, fill_markers
from resolution_guide.engine.words import Words
from resolution_guide.site.loader import load_content

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def _words_for(lang: str):
    labels = load_content(CONTENT_DIR, lang, None)["words"]["labels"]
    return labels, Words(lang).date("2026-11-30", "long").split(", ", 1)[-1]  # the build date in that language


def test_spanish_download_page_links_the_zip_in_spanish(tmp_path):
    site = tmp_path / "site"
    for folder, lang in (("download", "en"), ("es/download", "es")):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(f'<html lang="{lang}"><body>{MARKER}</body></html>',
                                                  encoding="utf-8")
    zip_path = site / "download" / "guide.zip"
    zip_path.write_bytes(b"x" * 2_500_000)
    info = BundleInfo(name="guide", version="0.2.0", built=datetime(2026, 11, 30), language="English",
                      state="federal", languages=(("Español", "es/index.html", ""),))
    pages = fill_markers(site, zip_path, info, _words_for)
    assert len(pages) == 2
    spanish = (site / "es/download/index.html").read_text(encoding="utf-8")
    english = (site / "download/index.html").read_text(encoding="utf-8")
    assert "Descargar la guía para usar sin internet" in spanish and "30 de noviembre de 2026" in spanish
    assert 'href="../../download/guide.zip"' in spanish
    assert "Download" not in spanish.split(MARKER)[0] and "Download the offline guide" not in spanish
    assert "Download the offline guide" in english and "November 30, 2026" in english
    # each page says which languages the one zip holds (issue 12, offline)
    assert "Idiomas de esta copia: English, Español." in spanish
    assert "Languages: English, Español. State rules: federal." in english


def test_the_offline_readme_names_the_spanish_folder_in_spanish():
    from resolution_guide.bundle.archive import readme_text

    labels = load_content(CONTENT_DIR, "es", None)["words"]["labels"]
    info = BundleInfo(name="guide", version="0.2.0", built=datetime(2026, 11, 30), language="English",
                      state="federal", languages=(("Español", "es/index.html", labels["offline_readme"]),))
    text = readme_text(info)
    assert "Español: es/index.html" in text
    assert "abra el archivo index.html de la carpeta es." in text and "{folder}" not in text
