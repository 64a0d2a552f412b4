"""Where the data files are: ``datasets/`` of a checkout, or the copy shipped inside an installed wheel.

The repository keeps its data in the top-level ``datasets/`` folder (data only, no ``__init__.py``, so it
never shadows the Hugging Face ``datasets`` library). A wheel ships the same files as the package data of
``sft._datasets`` (``pyproject.toml`` maps that package onto the folder), so a non-editable
``pip install .`` finds them from any working directory.
"""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "datasets"


def data_dir() -> Path:
    """The folder that holds cities.tsv, places.tsv, test_suite.jsonl and wild.jsonl."""
    if (_CHECKOUT / "cities.tsv").is_file():
        return _CHECKOUT
    shipped = Path(__file__).resolve().parent / "_datasets"
    if (shipped / "cities.tsv").is_file():
        return shipped
    return _CHECKOUT  # neither: the callers' file errors name the checkout path


DATA = data_dir()
