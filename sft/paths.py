"""Where the data files are: ``datasets/`` of a checkout, or the copy shipped inside an installed wheel.

The repository keeps its data in the top-level ``datasets/`` folder (data only, no ``__init__.py``, so it
never shadows the Hugging Face ``datasets`` library). A wheel ships the same files as the package data of
``sft._datasets`` (``pyproject.toml`` maps that package onto the folder), so a non-editable
``pip install .`` finds them from any working directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sft.errors import UserError

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


def read_tsv(path: Path, header: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """The rows of a UTF-8, tab-separated data file with this header: ``("<file>:<line>", stripped fields)``
    for every non-blank line; a wrong encoding, header or field count is a ``UserError`` naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 ({exc.reason})") from None
    if not lines or tuple(lines[0].split("\t")) != header:
        raise UserError(f"{path}:1: expected the header {chr(9).join(header)!r}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        where = f"{path}:{number}"
        if len(fields) != len(header):
            raise UserError(f"{where}: expected {len(header)} tab-separated fields, got {len(fields)}")
        yield where, [f.strip() for f in fields]
