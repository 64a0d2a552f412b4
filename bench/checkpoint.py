"""The contenders a bench run has finished, kept on disk until its report is written.

A bench of every contender over the suite takes minutes on a GPU and hours on a CPU; before this, a run
stopped after its fourth contender (Ctrl-C, a full disk, a lent GPU whose time ran out: 2026-12-05,
reports/h100-two-dates) lost all four. Each finished contender is now written at once beside the report
folder, in ``reports/.<run>.contenders/``:

* ``<contender>.jsonl.gz``: its scored records, the same lines as the report's ``samples.jsonl`` (so
  ``scripts/paired.py`` reads them as they are);
* ``<contender>.json``: its report entry (metrics, speed) and the fingerprint of what decided its answers.

The ``.json`` is written last, each file through a temporary name: a contender is kept whole or not at all.
``qwen-sft bench --resume`` takes a kept contender instead of running it again, only where its fingerprint
(suite, questions, model, adapter weights, code commit, decoding settings) equals this run's; else it stops
with one line naming the first difference. The folder is removed once the report is written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

from sft.errors import UserError

#: The bench settings that can change a contender's answers (or the speed figures kept with them).
SETTINGS = ("model", "batch_size", "max_new_tokens", "device", "dtype", "backend", "engine", "cuda_graphs",
            "jump_forward", "free_first", "copy_city", "share_prefix", "lookup", "trust_remote_code",
            "latency_sample", "sweep", "sweep_latency_n")


def folder(out_dir: Path) -> Path:
    """Where the finished contenders of the run that writes ``out_dir`` are kept."""
    out_dir = Path(out_dir)
    return out_dir.with_name(f".{out_dir.name}.contenders")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def adapter_sha256(adapter: str | Path | None) -> str | None:
    """The adapter's weights (``adapter_model.safetensors``, else ``.bin``) as one hash; None without one."""
    if not adapter:
        return None
    for name in ("adapter_model.safetensors", "adapter_model.bin"):
        path = Path(adapter) / name
        if path.is_file():
            return file_sha256(path)
    return None


def fingerprint(cfg, name: str, item_ids: list[str], suite_sha256: str, commit: str | None,
                adapter_hash: str | None) -> dict:
    """What decided contender ``name``'s answers in this run (``adapter_hash``: None for one without the
    adapter, whose answers it cannot change)."""
    return {
        "contender": name,
        "suite_sha256": suite_sha256,
        "questions_sha256": hashlib.sha256("\n".join(item_ids).encode("utf-8")).hexdigest(),
        "n": len(item_ids),
        "adapter_sha256": adapter_hash,
        "git_commit": commit,
        **{key: getattr(cfg, key) for key in SETTINGS},
    }


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.stem}.tmp-{os.getpid()}{path.suffix}")  # the suffix kept: .gz is compressed
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save(where: Path, name: str, fp: dict, entry: dict, records: list[dict]) -> None:
    """Keep one finished contender: its records first, then its entry (the mark that it is whole)."""
    from bench.report import write_samples

    where.mkdir(parents=True, exist_ok=True)
    _write_atomic(where / f"{name}.jsonl.gz", lambda tmp: write_samples(tmp, records))
    _write_atomic(where / f"{name}.json", lambda tmp: tmp.write_text(
        json.dumps({"fingerprint": fp, "entry": entry}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))


def kept(where: Path) -> list[str]:
    """The contenders kept whole in ``where`` (sorted)."""
    if not where.is_dir():
        return []
    return sorted(p.stem for p in where.glob("*.json") if (where / f"{p.stem}.jsonl.gz").is_file())


def load(where: Path, name: str, fp: dict) -> tuple[dict, list[dict]] | None:
    """The kept entry and records of ``name``; None where it was not kept. A kept one made under another
    fingerprint is refused with one line (what differs), not reused and not silently run again."""
    meta, recs = where / f"{name}.json", where / f"{name}.jsonl.gz"
    if not (meta.is_file() and recs.is_file()):
        return None
    try:
        saved = json.loads(meta.read_text(encoding="utf-8"))
        with gzip.open(recs, "rt", encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError, EOFError) as exc:
        raise UserError(f"--resume: {name}'s kept results in {where} cannot be read ({exc}); remove {meta} "
                        "to run it again") from None
    old = saved.get("fingerprint", {})
    for key in fp:
        if old.get(key) != fp[key]:
            shown = {k: (v[:12] + "…" if isinstance(v, str) and key.endswith("sha256") else v)
                     for k, v in (("was", old.get(key)), ("now", fp[key]))}
            raise UserError(f"--resume: {name} was kept from a run with {key} {shown['was']!r}, this run has "
                            f"{shown['now']!r}; run with the same settings, or without --resume (with --force) "
                            "to start again")
    if len(records) != fp["n"]:
        raise UserError(f"--resume: {name} kept {len(records)} records for {fp['n']} questions in {where}; "
                        f"remove {meta} to run it again")
    return saved["entry"], records


def discard(where: Path) -> None:
    """Remove the kept contenders (after the report is written, or when a run starts again)."""
    import shutil

    shutil.rmtree(where, ignore_errors=True)
