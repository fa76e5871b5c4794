"""The offline bundle: the guide as a zip that works from disk, calculators included.

plugin.py is the MkDocs plugin `resolution-guide/offline`; make.make_bundle builds with it and
zips (used by `resolution-guide bundle` and by the hosted build's Download page, hosted.publish).
Imports go one way: hosted -> make -> plugin -> offline_site/markers/archive. See DESIGN.md, "Offline bundle".
"""
