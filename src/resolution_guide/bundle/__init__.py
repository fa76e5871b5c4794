"""The offline bundle: the guide as a zip that works from disk, calculators included.

make.make_bundle builds it (used by `resolution-guide bundle` and by the hosted
build's download page, hosted.publish). See DESIGN.md, "Offline bundle".
"""
