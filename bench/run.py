"""`qwen-sft bench`: run contenders over the committed test suite, score them, write the report.

Under ``torchrun --nproc-per-node N`` the bench is data-parallel (:mod:`sft.distributed`): each process
loads the model on its own GPU and answers every N-th question, rank 0 gathers the answers back into the
suite's order, scores them and alone writes the report. Speed is then all questions over the slowest rank's
wall time (``queries_per_s``), that over N (``queries_per_s_per_device``) and each rank's own figures
(``ranks``); the batch-1 loop and the sweep run on rank 0's GPU alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench import checkpoint, scorer, speed
from bench import report as report_mod
from bench.contenders import REGISTRY, Run, check_dates, check_names, kept_run, prompt_lengths, reuse_key, run_contender
from sft import distributed
from sft.errors import UserError
from sft.models import check_device
from sft.session import InferenceSession, adapter_meta
from sft.suite import DEFAULT_SUITE, load_suite

REPO = Path(__file__).resolve().parent.parent


@dataclass
class BenchConfig:
    contenders: list[str] = field(default_factory=lambda: ["rule", "prompt"])
    splits: list[str] | None = None
    model: str = "embedded"
    adapter: str | None = None
    suite: str = str(DEFAULT_SUITE)
    run: str | None = None
    reports_dir: str = "reports"
    force: bool = False
    resume: bool = False  # take the contenders an unfinished run of this name kept (bench.checkpoint)
    batch_size: int = 32
    max_new_tokens: int = 48
    latency_sample: int = 24  # questions in the batch-1 loop (0: skip)
    sweep: list[int] | None = None  # batch sizes of a throughput sweep per model contender (GPU work)
    sweep_latency_n: int = 100
    sweep_contenders: list[str] | None = None  # which model contenders get the sweep (default: all)
    jump_forward: bool = True  # +json contenders: forced tokens appended, not decoded one by one
    free_first: str = "auto"  # +json contenders: free decoding, the grammar only for refused answers (auto|on|off)
    share_prefix: bool = True  # the prompts' common opening runs once per batch (sft.engine)
    lookup: int | None = None  # batch-1 prompt-lookup tokens per call (sft.lookup); None: the engine's default
    engine: str = "auto"  # sft.session.ENGINES: the KV cache (static on CUDA by default)
    cuda_graphs: bool = True  # the static cache's forward passes replayed from CUDA graphs (CUDA only)
    copy_city: bool = True  # +json contenders: the city is null or a substring of the question
    backend: str = "torch"  # sft.session.BACKENDS: torch, or int8 (CPU: dynamic int8 linear layers)
    limit: int | None = None  # first N questions of each split (smoke runs)
    sample: dict[str, int] | None = None  # contender -> N: it answers an evenly spread N of each split
    device: str | None = None
    dtype: str | None = None
    trust_remote_code: bool = False
    command: str = ""


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                             timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "") if out.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def versions() -> dict:
    import importlib.metadata as md

    found = {"python": platform.python_version()}
    for name in ("torch", "transformers", "peft", "bitsandbytes", "xgrammar", "cn2an"):
        try:
            found[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return found


def check_run_name(name: str) -> str:
    """``--run`` is a plain folder name under the reports dir: no separators, not ``.`` or ``..``."""
    if not name or name in (".", "..") or any(c in name for c in "/\\\0") or name.startswith("."):
        raise UserError(f"--run {name!r}: give a plain name (letters, digits, - _ .), not a path")
    return name


CPU_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16")


def cpu_info() -> dict:
    """The CPU's model name and the flags that decide CPU speed here (AVX2 only vs AVX512-BF16/AMX)."""
    info = {"model": platform.processor() or None, "flags": [], "cores": None}
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return info
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name" and not info["flags"]:
            info["model"] = value.strip()
        if key.strip() == "flags":
            flags = set(value.split())
            info["flags"] = [f for f in CPU_FLAGS if f in flags]
            break
    import os

    info["cores"] = os.cpu_count()
    return info


def run_metadata(command: str, loaded=None, model: str | None = None) -> dict:
    """The one description of a run (bench reports, speed files): when, what code, which machine, which
    model and libraries; the CPU's model and flags beside every CPU figure."""
    param = next(loaded.model.parameters()) if loaded is not None else None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "git_commit": git_commit(),
        "device": speed.device_name(param.device) if param is not None else "CPU (no model)",
        "dtype": str(param.dtype).removeprefix("torch.") if param is not None else None,
        "model": model if loaded is not None else None,
        "model_source": loaded.source if loaded is not None else None,
        "cpu": cpu_info(),
        "versions": versions(),
    }


def _check_writable(folder: Path) -> None:
    """The reports folder can take a new report: checked before the work, not after it."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise UserError(f"--reports-dir {folder}: cannot write there ({exc.strerror or exc}); "
                        "pick a writable folder") from None


def prepare_out_dir(cfg: BenchConfig) -> Path:
    """The report folder, checked before any work; nothing is removed here (see report.write_report)."""
    name = check_run_name(cfg.run or dt.datetime.now().strftime("run-%Y%m%d-%H%M%S"))
    out = Path(cfg.reports_dir) / name
    _check_writable(Path(cfg.reports_dir))
    report_mod.check_replaceable(out)
    if out.exists() and any(out.iterdir()):
        if not cfg.force:
            raise FileExistsError(f"report directory {out} exists; pass --force to overwrite or --run NEW_NAME")
    kept = checkpoint.kept(checkpoint.folder(out))
    if kept and not cfg.resume and not cfg.force:
        raise FileExistsError(f"{checkpoint.folder(out)} holds {len(kept)} contender(s) an unfinished run named "
                              f"{name} finished ({', '.join(kept)}): pass --resume to take them, --force to start "
                              "again, or --run NEW_NAME")
    return out


def check_config(cfg: BenchConfig) -> None:
    """Every argument, before any model loads."""
    check_names(cfg.contenders)
    if cfg.limit is not None and cfg.limit < 1:
        raise UserError(f"--limit {cfg.limit}: give at least 1 (or leave it out for the whole suite)")
    bounds = (("--batch-size", cfg.batch_size, 1), ("--max-new-tokens", cfg.max_new_tokens, 1),
              ("--latency-sample", cfg.latency_sample, 0), ("--sweep-latency-n", cfg.sweep_latency_n, 1))
    for flag, value, low in bounds:
        if value < low:
            raise UserError(f"{flag} {value}: give at least {low}")
    if cfg.sweep is not None and (not cfg.sweep or min(cfg.sweep) < 1):
        raise UserError(f"--sweep {cfg.sweep}: give batch sizes of at least 1")
    for name, n in (cfg.sample or {}).items():
        if name not in cfg.contenders:
            raise UserError(f"--sample {name}={n}: {name} is not among --contenders {','.join(cfg.contenders)}")
        if n < 1:
            raise UserError(f"--sample {name}={n}: give at least 1 question per split")
    check_device(cfg.device, cfg.dtype)


def parse_sample(text: str | None) -> dict[str, int] | None:
    """``--sample prompt=50,prompt+json=50`` -> ``{"prompt": 50, "prompt+json": 50}``."""
    if not text:
        return None
    out = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, n = part.rpartition("=")
        if not sep or not name or not n.strip().isdigit():
            raise UserError(f"--sample {text}: give CONTENDER=N pairs, e.g. prompt=50,prompt+json=50")
        out[name.strip()] = int(n)
    return out


def spread(seq: list, n: int) -> list:
    """At most ``n`` elements of ``seq`` evenly spread over it: every k-th from the first, k = len // n."""
    return seq[::max(1, len(seq) // n)][:n]


def sample_items(items, n: int):
    """:func:`spread` over each split (at most ``n`` items of each), in suite order: the same items on every
    run, so runs and contenders stay paired."""
    by: dict[str, list] = {}
    for item in items:
        by.setdefault(item.split, []).append(item)
    kept = {id(it) for split_items in by.values() for it in spread(split_items, n)}
    return [it for it in items if id(it) in kept]


def select(items, limit):
    if not limit:
        return items
    kept, per = [], {}
    for item in items:
        if per.get(item.split, 0) < limit:
            kept.append(item)
            per[item.split] = per.get(item.split, 0) + 1
    return kept


def latency_questions(items, n: int) -> list[str]:
    """An evenly spread sample of the suite for the batch-1 loop."""
    if n <= 0 or not items:
        return []
    return [it.query for it in spread(items, n)]


def gather_run(run: Run, mine: list[int]) -> tuple[Run | None, list[dict]]:
    """Several processes: every rank's run of its share (``mine``: the suite indices it answered), on rank 0,
    as one run over all questions in the suite's order (its time the slowest rank's), with each rank's own
    figures; ``(None, [])`` elsewhere."""
    parts = distributed.gather((mine, run))
    if parts is None:
        return None, []
    generations = None
    if run.generations is not None:
        generations = distributed.unshard_indexed([(idx, p.generations) for idx, p in parts])
    merged = Run(distributed.unshard_indexed([(idx, p.outputs) for idx, p in parts]), generations,
                 max(p.seconds for _, p in parts), prompt=run.prompt, batch_size=run.batch_size)
    ranks = [{"rank": r, "n": len(p.outputs), "seconds": p.seconds,
              "queries_per_s": len(p.outputs) / p.seconds if p.seconds else None}
             for r, (_, p) in enumerate(parts)]
    return merged, ranks


def run_bench(cfg: BenchConfig, console: Console | None = None, train: dict | None = None) -> dict | None:
    """Run the bench; returns the report (``None`` on the ranks other than 0 of a data-parallel run)."""
    console = console or Console(quiet=not distributed.is_main())
    check_config(cfg)
    my_device = distributed.rank_device(cfg.device)  # several processes: cuda:LOCAL_RANK each
    out_dir = prepare_out_dir(cfg)  # fail before any work
    all_items = select(load_suite(cfg.suite, splits=cfg.splits), cfg.limit)
    world = distributed.world_size()
    parallel = distributed.init(my_device)
    dtype = None
    if cfg.dtype:
        import torch

        dtype = {"bf16": torch.bfloat16, "fp32": torch.float32, "fp16": torch.float16}[cfg.dtype]
    ws = InferenceSession(cfg.model, cfg.adapter, device=my_device, dtype=dtype, batch_size=cfg.batch_size,
                   max_new_tokens=cfg.max_new_tokens, trust_remote_code=cfg.trust_remote_code,
                   jump_forward=cfg.jump_forward, copy_city=cfg.copy_city, backend=cfg.backend,
                   share_prefix=cfg.share_prefix, engine=cfg.engine, cuda_graphs=cfg.cuda_graphs,
                   free_first=cfg.free_first, lookup=cfg.lookup)
    uses_adapter = any(REGISTRY[c].adapter for c in cfg.contenders)
    check_dates(cfg.contenders, ws)
    if train is None and cfg.adapter and uses_adapter:
        train = adapter_meta(cfg.adapter).get("train")

    suite_path = Path(cfg.suite)
    suite_sha = hashlib.sha256(suite_path.read_bytes()).hexdigest()
    kept_dir = checkpoint.folder(out_dir)
    if not cfg.resume and distributed.is_main():
        checkpoint.discard(kept_dir)  # --force: an unfinished run's contenders are not taken
    distributed.barrier()
    commit = git_commit()
    if cfg.resume and not checkpoint.kept(kept_dir):
        console.print(f"--resume: no contender kept in {kept_dir}; running them all")
    adapter_hash = checkpoint.adapter_sha256(cfg.adapter) if cfg.adapter and uses_adapter else None
    contenders, samples, reuse, batch1_done, resumed = {}, [], {}, {}, []
    try:
        for name in cfg.contenders:
            items = sample_items(all_items, cfg.sample[name]) if name in (cfg.sample or {}) else all_items
            fp = checkpoint.fingerprint(cfg, name, [it.id for it in items], suite_sha, commit,
                                        adapter_hash if REGISTRY[name].adapter else None)
            got = checkpoint.load(kept_dir, name, fp) if cfg.resume else None
            if got is not None:
                entry, recs = got
                contenders[name] = entry
                samples += recs
                resumed.append(name)
                if REGISTRY[name].model and not parallel:  # hybrid after a kept qlora: its model run, not a new one
                    reuse.setdefault(reuse_key(name, [it.query for it in items], ws, [it.today for it in items]),
                                     kept_run(name, recs, entry["seconds"], entry.get("prompt")))
                b1 = entry.get("speed", {}).get("batch1")
                if b1 and "same_loop_as" not in b1:  # a later contender of the same loop shares it, as in one run
                    sample = latency_questions(items, cfg.latency_sample)
                    batch1_done[_loop_key(name, entry.get("prompt"), sample)] = (name, b1)
                console.print(f"[bold]{name}[/]: exact {100 * entry['overall']['exact']:.1f}%, kept from the "
                              f"unfinished run ({kept_dir})")
                continue
            entry, recs = _run_one(cfg, ws, name, items, all_items, parallel, world, reuse, batch1_done, console,
                                   contenders)
            if entry is None:
                continue  # a rank other than 0 of a data-parallel run
            if distributed.is_main():
                checkpoint.save(kept_dir, name, fp, entry, recs)
            contenders[name] = entry
            samples += recs

        if not distributed.is_main():
            distributed.barrier()  # returns once rank 0 has written the report
            return None
        loaded = ws.loaded
        report = {
            "run": {
                "name": out_dir.name,
                **run_metadata(cfg.command or " ".join(["qwen-sft", *sys.argv[1:]]), loaded, cfg.model),
                "model_load_s": ws.load_seconds,
                **({"world_size": world} if parallel else {}),
                "adapter": str(cfg.adapter) if cfg.adapter and uses_adapter else None,
                "suite": {"path": suite_path.resolve().relative_to(REPO).as_posix()
                          if suite_path.resolve().is_relative_to(REPO) else str(suite_path),
                          "sha256": suite_sha, "n": len(all_items), "limit": cfg.limit},
                "config": {k: v for k, v in vars(cfg).items() if k not in ("command",)},
                **({"resumed": resumed} if cfg.resume else {}),  # the contenders kept from the unfinished run
            },
            "train": train,
            "contenders": contenders,
        }
        report_mod.write_report(out_dir, report, samples)
    except BaseException as exc:  # Ctrl-C, a full disk, a bug: say what was kept, and how to go on
        _say_what_is_kept(exc, kept_dir, cfg, console)
        raise
    checkpoint.discard(kept_dir)
    report_mod.print_summary(report, console)
    console.print(f"report: [bold]{out_dir / 'report.md'}[/]")
    distributed.barrier()  # several processes: the others wait for the report (one process: nothing)
    return report


def _loop_key(name: str, prompt: str | None, sample: list[str]) -> tuple:
    """What makes two contenders' batch-1 loops the same loop: the extractor (adapter, grammar, prompt) and the
    questions it times (``sample``: :func:`latency_questions`)."""
    spec = REGISTRY[name]
    return (spec.adapter, spec.grammar, prompt, tuple(sample))


def _say_what_is_kept(exc: BaseException, kept_dir: Path, cfg: BenchConfig, console: Console) -> None:
    """A run that stops early (Ctrl-C, a full disk, a bug) says which contenders it kept and how to go on;
    Ctrl-C becomes that one line (:func:`bench.cli.main` prints it)."""
    done = checkpoint.kept(kept_dir) if distributed.is_main() else []
    if not done:
        return
    note = (f"{len(done)} of {len(cfg.contenders)} contenders kept in {kept_dir} ({', '.join(done)}); the same "
            "command with --resume runs only the rest")
    if isinstance(exc, KeyboardInterrupt):
        raise KeyboardInterrupt(f"interrupted: {note}") from None
    console.print(note)


def _run_one(cfg: BenchConfig, ws: InferenceSession, name: str, items, all_items, parallel: bool, world: int,
             reuse: dict, batch1_done: dict, console: Console, done: dict) -> tuple[dict | None, list[dict]]:
    """Run, score and time one contender: its report entry and scored records (``(None, [])`` on the ranks
    other than 0 of a data-parallel run). ``done``: the entries so far (a kept model run's speed is its
    contender's)."""
    questions, todays = [it.query for it in items], [it.today for it in items]
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        # Several processes: each runs whole batches of the one-process run (same rows, same padding,
        # so the same answers); one process: all questions, in order.
        lengths = prompt_lengths(name, questions, ws, todays) if parallel else None
        mine = (distributed.shard_batches(lengths, cfg.batch_size) if lengths is not None
                else distributed.shard(range(len(items))))
        my_questions, my_todays = [questions[i] for i in mine], [todays[i] for i in mine]
        task = progress.add_task(f"{name:>11}", total=len(my_questions))  # rank 0's share when parallel
        result = run_contender(name, my_questions, ws, progress=lambda k, t=task: progress.advance(t, k),
                               todays=my_todays, reuse=reuse)
    ranks = []
    if parallel:
        result, ranks = gather_run(result, mine)
        if result is None:
            return None, []  # rank 0 scores, times and writes
    model_outputs = [g.text for g in result.generations] if result.generations is not None else result.texts
    recs, metrics = scorer.score(items, result.outputs, model_outputs)
    entry = {**metrics, "prompt": result.prompt, "seconds": result.seconds}
    if items is not all_items:
        entry["sample"] = {"per_split": cfg.sample[name], "n": len(items), "of": len(all_items)}
    if result.kept_from is not None:
        # the model ran in the interrupted bench, for the kept contender: its speed, as one run shares it
        entry["speed"] = {**done[result.kept_from].get("speed", {}), "same_model_run_as": result.kept_from}
    elif result.generations is not None:
        loaded = ws.base()
        device = next(loaded.model.parameters()).device
        s = speed.summarize(result.generations, result.seconds)
        s.update(device=speed.device_name(device), batch_size=result.batch_size, backend=cfg.backend,
                 engine=ws.last_engine, warmup_s=result.warmup_seconds)
        if parallel:  # queries_per_s: all questions over the slowest rank's time
            per_device = s["queries_per_s"] / world if s["queries_per_s"] else None
            s.update(world_size=world, queries_per_s_per_device=per_device, ranks=ranks)
        sample = latency_questions(items, cfg.latency_sample)
        adapter, grammar = REGISTRY[name].adapter, REGISTRY[name].grammar
        loop_key = _loop_key(name, result.prompt, sample)
        if sample:
            if loop_key in batch1_done:
                # the same extractor over the same questions (hybrid after qlora: the loop times the model,
                # not the post-processing): its figures, not a second loop
                first, b1 = batch1_done[loop_key]
                s["batch1"] = {**b1, "same_loop_as": first}
            else:
                with ws.adapter_state(adapter):
                    b1 = speed.measure_batch1(
                        lambda bs, a=adapter, g=grammar, p=result.prompt: ws.extractor(
                            adapter=a, constrained=g, prompt=p, batch_size=bs), sample,
                        reference={g.question: g.text for g in result.generations})
                batch1_done[loop_key] = (name, b1)
                s["batch1"] = b1
            s["speedup_vs_batch1"] = s["queries_per_s"] / b1["queries_per_s"]
        if cfg.sweep and (cfg.sweep_contenders is None or name in cfg.sweep_contenders):
            with ws.adapter_state(adapter):
                s["sweep"] = speed.sweep(
                    lambda bs, a=adapter, g=grammar, p=result.prompt: ws.extractor(
                        adapter=a, constrained=g, prompt=p, batch_size=bs),
                    questions, cfg.sweep, cfg.sweep_latency_n, device,
                    progress=lambda row, n=name: console.print(f"  {n} sweep: {_row(row)}"))
            s["decode_floor"] = speed.decode_floor(loaded.model, device)
        entry["speed"] = s
    else:
        entry["speed"] = {"device": "CPU (no model)", "batch_size": len(questions),
                          "queries_per_s": len(questions) / result.seconds if result.seconds else None}
        if parallel:
            entry["speed"].update(world_size=world, ranks=ranks)
    recs = [{"contender": name, **r.as_dict()} for r in recs]
    o = metrics["overall"]
    console.print(f"[bold]{name}[/]: exact {100 * o['exact']:.1f}%  json_valid {100 * o['json_valid']:.1f}%  "
                  f"({result.seconds:.1f} s)")
    return entry, recs


def _row(row: dict) -> str:
    if "error" in row:
        return f"batch {row['batch_size']}: {row['error']}"
    return (f"batch {row['batch_size']}: {row['queries_per_s']:.1f} q/s, p50 {row['p50_ms']:.1f} ms, "
            f"{row['tokens_per_s']:.0f} tokens/s")


