"""Precompressed siblings of the big runtime files, and the service worker's file list."""

from __future__ import annotations

import gzip
import json
import re
import shutil

import pytest

from resolution_guide.browser import assets
from resolution_guide.browser.pinned import sha256_file

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js makes the .br files")


def _runtime_folder(tmp_path):
    out = tmp_path / "site" / "assets" / "rg"
    (out / "pyodide").mkdir(parents=True)
    (out / "js").mkdir()
    (out / "pyodide" / "pyodide.asm.mjs").write_text("export const x = 1;\n" * 5000)
    (out / "pyodide" / "snapshot.bin.gz").write_bytes(gzip.compress(b"heap" * 1000))
    (out / "js" / "widgets.js").write_text("var a = 1;\n" * 3000)
    return out


def test_siblings_hold_the_same_bytes_and_come_from_the_cache_the_second_time(tmp_path, monkeypatch):
    out = _runtime_folder(tmp_path)
    cache = tmp_path / "cache"
    assets.precompress(out, cache)
    mjs = out / "pyodide" / "pyodide.asm.mjs"
    assert gzip.decompress((out / "pyodide" / "pyodide.asm.mjs.gz").read_bytes()) == mjs.read_bytes()
    br = (out / "pyodide" / "pyodide.asm.mjs.br").read_bytes()
    assert 0 < len(br) < mjs.stat().st_size / 20
    assert not (out / "pyodide" / "snapshot.bin.gz.br").exists()         # gzip data already
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == 4 and sum(n.endswith(".br") for n in kept) == 2       # two files, two siblings each

    for sibling in out.rglob("*.br"):
        sibling.unlink()
    monkeypatch.setattr(assets.subprocess, "run", lambda *a, **k: pytest.fail("Node ran although the cache held it"))
    assets.precompress(out, cache)
    assert (out / "pyodide" / "pyodide.asm.mjs.br").read_bytes() == br


def test_a_changed_compression_script_makes_the_siblings_again(tmp_path, monkeypatch):
    out = _runtime_folder(tmp_path)
    cache = tmp_path / "cache"
    assets.precompress(out, cache)
    script = tmp_path / "precompress.mjs"           # other settings: the cached siblings are not theirs
    script.write_text(assets.PRECOMPRESS_SCRIPT.read_text().replace("QUALITY]: 11", "QUALITY]: 5"))
    monkeypatch.setattr(assets, "PRECOMPRESS_SCRIPT", script)
    ran = []
    real_run = assets.subprocess.run
    monkeypatch.setattr(assets.subprocess, "run", lambda *a, **k: ran.append(a) or real_run(*a, **k))
    assets.precompress(out, cache)
    assert len(ran) == 1 and len(list(cache.iterdir())) == 8     # made again, kept beside the first ones


def test_the_service_worker_lists_each_runtime_file_with_its_sha256_and_no_sibling(tmp_path):
    out = _runtime_folder(tmp_path)
    assets.precompress(out, None)
    site = tmp_path / "site"
    version = assets.write_service_worker(site, out)
    text = (site / assets.SERVICE_WORKER).read_text()
    runtime = json.loads(re.search(r"^var RUNTIME = (.*);$", text, re.M).group(1))
    assert runtime == {"assets/rg/js/widgets.js": sha256_file(out / "js" / "widgets.js"),
                       "assets/rg/pyodide/pyodide.asm.mjs": sha256_file(out / "pyodide" / "pyodide.asm.mjs"),
                       "assets/rg/pyodide/snapshot.bin.gz": sha256_file(out / "pyodide" / "snapshot.bin.gz")}
    assert f'var VERSION = "{version}";' in text
    (out / "js" / "widgets.js").write_text("changed")
    assert assets.write_service_worker(site, out) != version
