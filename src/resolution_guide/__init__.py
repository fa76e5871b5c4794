"""Resolution Session Guide: rules engine, command line and site build step.

Importing this package must stay cheap and dependency-free: it is also imported
inside Pyodide, where only the standard library exists.
"""

__version__ = "0.1.0"
