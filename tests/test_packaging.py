"""A non-editable install finds its data: the wheel ships datasets/ as package data of sft._datasets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(out), str(REPO)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {result.stderr.strip()[-300:]}")
    (path,) = out.glob("qwen_sft-*.whl")
    return path


def test_wheel_ships_the_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("cities.tsv", "places.tsv", "test_suite.jsonl", "wild.jsonl", "written.jsonl", "written_wild.jsonl"):
        assert f"sft/_datasets/{name}" in names, name
    assert not any(n.startswith("datasets/") for n in names)  # never a top-level `datasets` package


def test_an_unpacked_wheel_finds_its_data_from_any_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("from sft.cities import DEFAULT, load_cities; from sft.suite import load_suite; import sft.places as p; "
            "print(DEFAULT); print(len(load_cities()), len(load_suite()), len(p.load_places()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    where, counts = result.stdout.splitlines()
    assert where.startswith(str(site)) and "_datasets" in where
    assert [int(n) for n in counts.split()][1] >= 1168
