"""Allow `python -m resolution_guide ...` in a bare checkout (PYTHONPATH=src)."""

from resolution_guide.cli import main

raise SystemExit(main())
