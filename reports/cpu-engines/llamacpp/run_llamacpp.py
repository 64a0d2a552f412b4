"""Greedy decoding of the embedded GGUF through llama.cpp's C API (llama-cpp-cffi 0.4.42), on prompts.py's ids.

Runs in the llama-cpp-cffi venv (``/tmp/llenv/bin/python run_llamacpp.py --prompts P --batch N --out O``);
needs nothing from the project (the tokenizer and the scorer run in score.py).

* ``--batch 1``: one question at a time; the KV cache is cleared before each; each question is timed alone
  (prefill + decode), p50 / mean reported.
* ``--batch N``: questions in groups of N (sorted by prompt length first, as sft.engine.Extractor cuts its
  batches; ``--order file`` keeps file order), one sequence id per question, like llama.cpp's ``batched``
  example: the N prompts go in ONE llama_batch / llama_decode call (n_batch = n_ubatch >= their total
  tokens unless ``--ubatch`` caps the micro-batch), logits only at each prompt's last token; then each step
  one llama_batch with one token per still-active sequence (logits for each), until all stop; KV cleared
  between groups.
* decoding: argmax of the logits (numpy, first maximum on ties, as torch.argmax), no sampler. A sequence
  stops at a stop id from the prompts file (not kept, as the engine), or when its text closes its first
  top-level JSON object (the engine's JsonClose rule on llama_token_to_piece bytes; that token is kept), or
  at ``--max-new-tokens`` (default: the prompts file's, 48). ``--no-json-stop`` stops only at stop ids and
  max tokens.
* written: generated ids per question (score.py detokenises them with the project's tokenizer), stop
  reason, timings, questions/s, llama.cpp's system info and perf counters.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GGUF = HERE.parents[2] / ".gpu" / "model.gguf"


# ------------------------------------------------------------------------------------------ loading

def _ensure_cxa_call_terminate() -> str | None:
    """Load cxa_shim.c (built once) when the system libstdc++ lacks __cxa_call_terminate; None if not needed."""
    try:
        if hasattr(ctypes.CDLL("libstdc++.so.6"), "__cxa_call_terminate"):
            return None
    except OSError:
        pass
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qwen-sft-llamacpp"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        cache = Path(tempfile.gettempdir())
    so = cache / "cxa_shim.so"
    src = HERE / "cxa_shim.c"
    if not so.is_file() or so.stat().st_mtime < src.stat().st_mtime:
        cc = os.environ.get("CC", "cc")
        subprocess.run([cc, "-O2", "-shared", "-fPIC", "-o", str(so), str(src), "-lstdc++"], check=True)
    ctypes.CDLL(str(so), mode=ctypes.RTLD_GLOBAL)
    return str(so)


SHIM = _ensure_cxa_call_terminate()
os.environ.setdefault("LLAMA_CPP_BACKEND", "cpu")  # the wheel would pick its CUDA build where CUDA exists

import numpy as np  # noqa: E402
from llama.llama_cpp import ffi, lib  # noqa: E402


def _first(*names):
    for name in names:
        if hasattr(lib, name):
            return name, getattr(lib, name)
    raise AttributeError(f"none of {names} in this llama.cpp build")


LOAD_NAME, load_model = _first("llama_model_load_from_file", "llama_load_model_from_file")
CLEAR_NAME, kv_clear = _first("llama_memory_clear", "llama_kv_self_clear", "llama_kv_cache_clear")
FREE_MODEL_NAME, free_model = _first("llama_model_free", "llama_free_model")


def clear_kv(ctx) -> None:
    if CLEAR_NAME == "llama_memory_clear":  # newer llama.cpp: llama_memory_clear(llama_get_memory(ctx), true)
        kv_clear(lib.llama_get_memory(ctx), True)
    else:
        kv_clear(ctx)


def wheel_version() -> str:
    try:
        from importlib.metadata import version

        return version("llama-cpp-cffi")
    except Exception:
        return "?"


# ------------------------------------------------------------------------------------------ decoding

class JsonClose:
    """sft.engine.JsonClose (copied: this venv has no torch): says when the first top-level object closes.

    Fed latin-1 decoded token bytes: every byte of a multi-byte UTF-8 character is >= 0x80, so the ASCII
    characters it looks at ({ } " \\) are seen exactly as in the decoded text."""

    __slots__ = ("depth", "in_string", "escape")

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.escape = False

    def feed(self, piece: str) -> bool:
        for ch in piece:
            if self.in_string:
                if self.escape:
                    self.escape = False
                elif ch == "\\":
                    self.escape = True
                elif ch == '"':
                    self.in_string = False
            elif ch == '"' and self.depth > 0:
                self.in_string = True
            elif ch == "{":
                self.depth += 1
            elif ch == "}" and self.depth > 0:
                self.depth -= 1
                if self.depth == 0:
                    return True
        return False


class Engine:
    def __init__(self, gguf: str, *, n_ctx: int, n_batch: int, n_ubatch: int, n_seq_max: int, threads: int,
                 threads_batch: int, flash_attn: bool, use_mmap: bool = True, use_mlock: bool = False):
        mparams = lib.llama_model_default_params()
        mparams.n_gpu_layers = 0
        mparams.use_mmap = use_mmap
        mparams.use_mlock = use_mlock
        t0 = time.perf_counter()
        self.model = load_model(gguf.encode(), mparams)
        if self.model == ffi.NULL:
            raise SystemExit(f"llama.cpp could not load {gguf}")
        cparams = lib.llama_context_default_params()
        cparams.n_ctx = n_ctx
        cparams.n_batch = n_batch
        cparams.n_ubatch = n_ubatch
        cparams.n_seq_max = n_seq_max
        cparams.n_threads = threads
        cparams.n_threads_batch = threads_batch
        cparams.flash_attn = flash_attn
        cparams.no_perf = False
        self.ctx = lib.llama_init_from_model(self.model, cparams)
        if self.ctx == ffi.NULL:
            raise SystemExit(f"llama.cpp could not create a context (n_ctx={n_ctx}, n_batch={n_batch})")
        self.load_seconds = time.perf_counter() - t0
        self.vocab = lib.llama_model_get_vocab(self.model)
        self.n_vocab = lib.llama_vocab_n_tokens(self.vocab)
        self.batch = lib.llama_batch_init(max(n_batch, n_seq_max), 0, 1)
        self._pieces: dict[int, str] = {}
        self._buf = ffi.new("char[]", 256)

    def close(self) -> None:
        lib.llama_batch_free(self.batch)
        lib.llama_free(self.ctx)
        free_model(self.model)

    def info(self) -> dict:
        desc = ffi.new("char[]", 256)
        lib.llama_model_desc(self.model, desc, 256)
        return {"model_desc": ffi.string(desc).decode(), "model_size_bytes": int(lib.llama_model_size(self.model)),
                "model_n_params": int(lib.llama_model_n_params(self.model)), "n_vocab": self.n_vocab,
                "n_ctx": lib.llama_n_ctx(self.ctx), "n_batch": lib.llama_n_batch(self.ctx),
                "n_ubatch": lib.llama_n_ubatch(self.ctx), "n_seq_max": lib.llama_n_seq_max(self.ctx),
                "n_threads": lib.llama_n_threads(self.ctx), "n_threads_batch": lib.llama_n_threads_batch(self.ctx)}

    def perf(self) -> dict:
        p = lib.llama_perf_context(self.ctx)
        return {"t_p_eval_ms": p.t_p_eval_ms, "t_eval_ms": p.t_eval_ms, "n_p_eval": p.n_p_eval, "n_eval": p.n_eval}

    def piece(self, token: int) -> str:
        piece = self._pieces.get(token)
        if piece is None:
            n = lib.llama_token_to_piece(self.vocab, token, self._buf, 256, 0, False)
            piece = self._pieces[token] = ffi.buffer(self._buf, n)[:].decode("latin-1") if n > 0 else ""
        return piece

    def tokenize(self, text: str) -> list[int]:
        raw = text.encode("utf-8")
        cap = len(raw) + 16
        out = ffi.new("int32_t[]", cap)
        n = lib.llama_tokenize(self.vocab, raw, len(raw), out, cap, False, True)  # no BOS, parse specials
        return list(out[0:n]) if n >= 0 else []

    def _argmax(self, i: int) -> int:
        ptr = lib.llama_get_logits_ith(self.ctx, i)
        return int(np.frombuffer(ffi.buffer(ptr, 4 * self.n_vocab), dtype=np.float32).argmax())

    def _add(self, token: int, pos: int, seq: int, logits: bool) -> int:
        b, k = self.batch, self.batch.n_tokens
        b.token[k] = token
        b.pos[k] = pos
        b.n_seq_id[k] = 1
        b.seq_id[k][0] = seq
        b.logits[k] = logits
        b.n_tokens = k + 1
        return k

    def _decode(self) -> None:
        rc = lib.llama_decode(self.ctx, self.batch)
        if rc != 0:
            raise RuntimeError(f"llama_decode returned {rc} ({self.batch.n_tokens} tokens)")

    def generate(self, prompts: list[list[int]], stop_ids: set[int], max_new: int, json_stop: bool):
        """Greedy-decode several prompts together (one sequence id each); returns (ids, reasons, steps)."""
        n = len(prompts)
        clear_kv(self.ctx)
        self.batch.n_tokens = 0
        last = []
        for s, ids in enumerate(prompts):
            for p, tok in enumerate(ids):
                k = self._add(tok, p, s, p == len(ids) - 1)
            last.append(k)
        self._decode()
        out: list[list[int]] = [[] for _ in range(n)]
        reasons = [None] * n
        trackers = [JsonClose() for _ in range(n)]
        live = list(range(n))
        rows = {s: last[s] for s in live}  # batch index of each live sequence's logits
        steps = 1
        while True:
            feed = []
            for s in live:
                tok = self._argmax(rows[s])
                if tok in stop_ids:
                    reasons[s] = "stop_token"
                    continue
                out[s].append(tok)
                if json_stop and trackers[s].feed(self.piece(tok)):
                    reasons[s] = "json_close"
                elif len(out[s]) >= max_new:
                    reasons[s] = "max_tokens"
                else:
                    feed.append(s)
            live = feed
            if not live:
                break
            self.batch.n_tokens = 0
            rows = {s: self._add(out[s][-1], len(prompts[s]) + len(out[s]) - 1, s, True) for s in live}
            self._decode()
            steps += 1
        return out, reasons, steps


# ------------------------------------------------------------------------------------------ main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--prompts", required=True, help="prompts.py's JSON")
    ap.add_argument("--gguf", default=str(DEFAULT_GGUF))
    ap.add_argument("--batch", type=int, default=1, help="sequences per llama_batch (1: one question at a time)")
    ap.add_argument("--order", choices=("sorted", "file"), default="sorted",
                    help="batch > 1: group questions by prompt length as the torch engine does (default), or in "
                         "file order")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--threads-batch", type=int, default=None, help="default: --threads")
    ap.add_argument("--ubatch", type=int, default=None, help="cap n_ubatch (default: n_batch, one micro-batch)")
    ap.add_argument("--flash-attn", action="store_true")
    ap.add_argument("--no-mmap", action="store_true", help="read the weights into memory instead of mmap")
    ap.add_argument("--mlock", action="store_true", help="mlock the weights (may need a raised RLIMIT_MEMLOCK)")
    ap.add_argument("--max-new-tokens", type=int, default=None, help="default: the prompts file's (48)")
    ap.add_argument("--no-json-stop", action="store_true", help="stop only at stop ids and max tokens")
    ap.add_argument("--warmup", type=int, default=1,
                    help="untimed questions (the first ones, at batch 1, full length) before timing (default 1)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.batch < 1:
        raise SystemExit("--batch: at least 1")

    spec = json.loads(Path(args.prompts).read_text(encoding="utf-8"))
    items = spec["items"]
    prompts = [it["ids"] for it in items]
    stop_ids = set(spec["stop_ids"])
    max_new = args.max_new_tokens or spec.get("max_new_tokens", 48)
    json_stop = not args.no_json_stop
    if args.batch == 1:
        groups = [[i] for i in range(len(items))]
    else:
        order = (sorted(range(len(items)), key=lambda i: len(prompts[i])) if args.order == "sorted"
                 else list(range(len(items))))
        groups = [order[s: s + args.batch] for s in range(0, len(order), args.batch)]
    width = max(len(p) for p in prompts) + max_new
    n_seq = min(args.batch, len(items))
    n_ctx = -(-n_seq * width // 256) * 256
    n_batch = max(512, max(sum(len(prompts[i]) for i in g) for g in groups), n_seq)
    n_ubatch = min(n_batch, args.ubatch) if args.ubatch else n_batch

    engine = Engine(args.gguf, n_ctx=n_ctx, n_batch=n_batch, n_ubatch=n_ubatch, n_seq_max=max(1, n_seq),
                    threads=args.threads, threads_batch=args.threads_batch or args.threads,
                    flash_attn=args.flash_attn, use_mmap=not args.no_mmap, use_mlock=args.mlock)
    info = engine.info()
    token_check = [engine.tokenize(it["text"]) == it["ids"] for it in items if "text" in it]
    for i in range(min(args.warmup, len(prompts))):
        engine.generate([prompts[i]], stop_ids, max_new, json_stop)
    lib.llama_perf_context_reset(engine.ctx)

    results: list[dict | None] = [None] * len(items)
    steps_total = 0
    start = time.perf_counter()
    for g in groups:
        t0 = time.perf_counter()
        out, reasons, steps = engine.generate([prompts[i] for i in g], stop_ids, max_new, json_stop)
        dt = time.perf_counter() - t0
        steps_total += steps
        for j, i in enumerate(g):
            results[i] = {"id": items[i]["id"], "prompt_tokens": len(prompts[i]), "new_ids": out[j],
                          "new_tokens": len(out[j]), "stop": reasons[j], "group_seconds": dt,
                          "group_size": len(g)}
        sys.stderr.write(f"\r{sum(r is not None for r in results)}/{len(items)}")
    total = time.perf_counter() - start
    sys.stderr.write("\n")
    perf = engine.perf()

    per_q = [r["group_seconds"] for r in results] if args.batch == 1 else None
    new_total = sum(r["new_tokens"] for r in results)
    summary = {
        "mode": f"batch {args.batch}", "batch": args.batch, "n": len(items), "total_seconds": total,
        "questions_per_s": len(items) / total if total else None,
        "p50_seconds": statistics.median(per_q) if per_q else None,
        "mean_seconds": statistics.fmean(per_q) if per_q else None,
        "prompt_tokens": sum(len(p) for p in prompts), "new_tokens": new_total,
        "new_tokens_per_s": new_total / total if total else None, "decode_calls": steps_total,
        "stops": {k: sum(r["stop"] == k for r in results) for k in ("stop_token", "json_close", "max_tokens")},
        "llama_perf": perf,
    }
    report = {
        "engine": f"llama.cpp via llama-cpp-cffi {wheel_version()} (prebuilt CPU build)",
        "api": {"load": LOAD_NAME, "kv_clear": CLEAR_NAME, "cxa_call_terminate_shim": SHIM},
        "system_info": ffi.string(lib.llama_print_system_info()).decode(),
        "platform": {"machine": platform.machine(), "processor": platform.processor(), "cpus": os.cpu_count()},
        "gguf": args.gguf, "prompts": args.prompts, "context": info, "load_seconds": engine.load_seconds,
        "settings": {"batch": args.batch, "order": args.order if args.batch > 1 else "file",
                     "threads": args.threads, "threads_batch": args.threads_batch or args.threads,
                     "flash_attn": args.flash_attn, "mmap": not args.no_mmap,
                     "mlock": args.mlock, "max_new_tokens": max_new, "json_stop": json_stop,
                     "warmup_questions": min(args.warmup, len(prompts)), "stop_ids": sorted(stop_ids),
                     "decoding": "greedy argmax"},
        "tokenizer_check": {"checked": len(token_check), "llama_tokenize_equal": sum(token_check)},
        "summary": summary, "results": results,
    }
    engine.close()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    p50 = f", batch-1 p50 {summary['p50_seconds'] * 1000:.0f} ms" if per_q else ""
    print(f"batch {args.batch}: {len(items)} questions in {total:.2f} s = {summary['questions_per_s']:.3f} q/s{p50}; "
          f"{new_total} new tokens, stops {summary['stops']}; llama_tokenize == ids for "
          f"{sum(token_check)}/{len(token_check)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
