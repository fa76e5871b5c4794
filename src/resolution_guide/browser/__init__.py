"""Build-time side of the in-browser calculators: widget HTML, the engine wheel, and
copying the pinned Pyodide runtime into the built site (DESIGN.md sections 3-4)."""
