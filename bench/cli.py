"""`qwen-sft`: data | finetune | bench | extract. Run `qwen-sft COMMAND --help` for each command's knobs."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import typing

from rich.console import Console

from sft.errors import UserError

EPILOG = """examples:
  qwen-sft extract "我打算6月1号去北京旅游，请问天气怎么样？"
  qwen-sft data --n 3000 --seed 0 --out runs/data
  qwen-sft finetune --profile cpu --out runs/adapter
  qwen-sft bench --contenders rule,prompt,qlora --adapter runs/adapter --run my-run
  torchrun --standalone --nproc-per-node 2 -m bench.cli -- finetune --profile gpu   # 2 GPUs (README)
"""


def _add_engine_args(p: argparse.ArgumentParser, engines) -> None:
    """``--engine`` and ``--no-cuda-graphs`` (bench and speed): which KV cache the engine runs."""
    p.add_argument("--engine", default=os.environ.get("QWEN_SFT_ENGINE", "auto"), choices=engines,
                   help="the KV cache: auto (static on CUDA, dynamic on a CPU), static (fixed shapes; CUDA graphs "
                   "on CUDA; the decode loop of an unconstrained contender on the device), dynamic (growing cache, "
                   "shared opening, finished rows leave), static-host (static, the decode loop on the host: to measure "
                   "what the device loop buys); default $QWEN_SFT_ENGINE, else auto")
    p.add_argument("--no-cuda-graphs", dest="cuda_graphs", action="store_false",
                   help="static engine on CUDA: run the forward passes eagerly (to measure what graphs buy)")
    p.add_argument("--lookup", type=int, default=None, metavar="K",
                   help="a batch of one unconstrained row: feed K tokens per model call, the last one and drafts "
                   "found by prompt lookup (the same answers in fewer calls; 0: one token per call); default 8")


def _add_dataclass_args(parser: argparse.ArgumentParser, cls, skip=()) -> None:
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        flag = "--" + f.name.replace("_", "-")
        typ = hints[f.name]
        if typ is bool:
            parser.add_argument(flag, action="store_true", default=None, help=f"(default: {f.default})")
            continue
        base = next((t for t in typing.get_args(typ) if t is not type(None)), typ) if typing.get_args(typ) else typ
        parser.add_argument(flag, type=base, default=None,
                            help=f"(default: profile's, else {f.default})" if f.default is not None else None)


def build_parser() -> argparse.ArgumentParser:
    from sft.prompt import PROMPTS
    from sft.session import BACKENDS, ENGINES
    from sft.train import PROFILES, FinetuneConfig

    parser = argparse.ArgumentParser(prog="qwen-sft", description=__doc__.split(":", 1)[1].strip(),
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("data", help="generate the training set (tutorial's train.txt format + JSONL)")
    p.add_argument("--n", type=int, default=3000, help="number of examples (default 3000)")
    p.add_argument("--seed", type=int, default=0, help="same seed -> byte-identical files")
    p.add_argument("--mix", default="tutorial", help="template mix: tutorial (the tutorial's 12) | extended | real | "
                   "composed | written (real + the hand-written questions of datasets/written.jsonl, a fifth) | "
                   "written-40 (two fifths) | written-60 (three fifths) | written-80 (four fifths) | written-two, "
                   "written-60-two (written, written-60 with half the hand-written draws naming two places or dates)")
    p.add_argument("--prompt", default="tutorial", choices=list(PROMPTS), help="prompt of the user turns")
    p.add_argument("--out", default="runs/data", help="output folder (default runs/data)")

    p = sub.add_parser("finetune", help="train a LoRA/QLoRA adapter",
                       description="Train a LoRA adapter (QLoRA: 4-bit NF4 base on CUDA). Profiles: "
                       + "; ".join(f"{k}: {v or 'the tutorial recipe'}" for k, v in PROFILES.items()))
    p.add_argument("--profile", default="tutorial", choices=list(PROFILES))
    _add_dataclass_args(p, FinetuneConfig, skip=("profile", "stop_after_steps"))

    p = sub.add_parser("bench", help="score contenders on the test suite and write a report")
    p.add_argument("--contenders", default="rule,prompt",
                   help="comma-separated: rule, prompt, qlora, qlora+resolve, prompt+json, qlora+json, "
                   "qlora+resolve+json, hybrid, hybrid+json (default rule,prompt)")
    p.add_argument("--suite", default=None, help="a JSONL file in the suite format (default: the committed "
                   "datasets/test_suite.jsonl)")
    p.add_argument("--splits", default=None, help="comma-separated split names of the suite, e.g. "
                   "seen,unseen,hard,seed,wild (default all)")
    p.add_argument("--model", default="embedded", help="model spec (default: the embedded Qwen2.5-Coder-0.5B)")
    p.add_argument("--adapter", default=None, help="adapter folder for the qlora contenders")
    p.add_argument("--run", default=None, help="report name: reports/<run>/ (default run-<timestamp>)")
    p.add_argument("--reports-dir", default="reports")
    p.add_argument("--force", action="store_true", help="overwrite an existing report directory")
    p.add_argument("--resume", action="store_true",
                   help="take the contenders an interrupted run of this --run name finished (kept in "
                        "reports/.<run>.contenders/ until its report is written) and run only the rest; refused "
                        "where the suite, the questions, the model, the adapter, the code or a setting differs")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-new-tokens", type=int, default=48)
    p.add_argument("--latency-sample", type=int, default=24, help="questions in the batch-1 loop (0: skip)")
    p.add_argument("--limit", type=int, default=None, help="first N questions of each split (smoke runs)")
    p.add_argument("--sample", default=None, metavar="CONTENDER=N,...",
                   help="these contenders answer an evenly spread N questions of each split (the same ones on "
                        "every run; their figures carry the wider intervals), e.g. prompt=50")
    p.add_argument("--device", default=None, help="cpu | cuda (default: cuda when available)")
    p.add_argument("--dtype", default=None, choices=["bf16", "fp32", "fp16"])
    p.add_argument("--sweep", default=None, help="batch sizes for a throughput sweep, e.g. 1,8,32,128,512")
    p.add_argument("--sweep-latency-n", type=int, default=100, help="questions in the sweep's batch-1 loop")
    p.add_argument("--sweep-contenders", default=None, help="contenders that get the sweep (default: all models)")
    p.add_argument("--no-jump-forward", dest="jump_forward", action="store_false",
                   help="+json contenders: decode the grammar's forced tokens one by one (to measure the gain)")
    p.add_argument("--free-first", default="auto", choices=["auto", "on", "off"],
                   help="+json contenders: decode freely and run the grammar only for the rows whose answer it "
                        "refuses (on), mask every step (off), or by batch size as measured (auto: on a CPU, and on "
                        "CUDA from 65 rows)")
    p.add_argument("--no-share-prefix", dest="share_prefix", action="store_false",
                   help="run every prompt in full, not its common opening once per batch (to measure the gain)")
    _add_engine_args(p, ENGINES)
    p.add_argument("--free-city", dest="copy_city", action="store_false",
                   help="+json contenders: let the grammar accept any city string, not only the question's own")
    p.add_argument("--backend", default="torch", choices=BACKENDS,
                   help="how the model runs: torch (default) or int8 (CPU: linear layers int8, torch dynamic "
                   "quantisation; faster but measured 28 points less exact: reports/cpu-engines)")
    p.add_argument("--trust-remote-code", action="store_true")

    p = sub.add_parser("speed", help="latency/throughput sweep and LoRA step time of one model (GPU work)")
    p.add_argument("--model", default="embedded", help="model spec, e.g. embedded or random:qwen-1.8b")
    p.add_argument("--adapter", default=None)
    p.add_argument("--prompt", default=None, choices=list(PROMPTS), help="default: the adapter's, else tutorial")
    p.add_argument("--batch-sizes", default="1,8,32,128,512", help="throughput sweep of the engine (none: skip)")
    p.add_argument("--latency-n", type=int, default=100, help="questions in the batch-1 latency loop")
    p.add_argument("--fixed-new-tokens", type=int, default=None,
                   help="generate exactly N tokens per question (random-weight models never close the JSON)")
    p.add_argument("--train-steps", type=int, default=5, help="timed steps of a real fine-tune (0: skip)")
    p.add_argument("--train-profile", default="tutorial", help="the fine-tune profile whose step is timed")
    p.add_argument("--splits", default=None, help="the suite's splits the questions come from (default: all)")
    p.add_argument("--lookup-pair", type=int, default=None, metavar="K",
                   help="also time batch 1 with prompt lookup off and at K tokens per call, question by question "
                   "in one process (the answers compared)")
    p.add_argument("--hf-generate", default="", help="also time transformers' generate at batch 1: static "
                   "(StaticCache, decode step compiled by generate), dynamic, or both (static,dynamic)")
    _add_engine_args(p, ENGINES)
    p.add_argument("--out", required=True, help="JSON file for the figures")
    p.add_argument("--device", default=None)

    p = sub.add_parser("extract", help="answer questions: one JSON line each, in order",
                       description="Answer questions given as arguments, in --file, or on stdin (plain lines, or "
                       "JSONL with \"query\" and an optional \"today\"), batched; one JSON line per question, in "
                       "order. An answer that breaks the task rule (a city not in the question, an impossible date) "
                       "is printed as {\"error\": ...} instead, and the exit status is 1.")
    p.add_argument("questions", nargs="*", metavar="QUESTION")
    p.add_argument("--file", default=None, help="questions, one a line (or JSONL with \"query\"); - for stdin")
    p.add_argument("--model", default="embedded")
    p.add_argument("--adapter", default=None, help="adapter folder (default: none, the prompt-only model)")
    p.add_argument("--prompt", default=None, choices=list(PROMPTS), help="default: the adapter's, else tutorial")
    p.add_argument("--json", action="store_true", help="decode under the answer schema's grammar (needs xgrammar)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--device", default=None)
    p.add_argument("--raw", action="store_true", help="print the model's text as it is (a JSON string a line)")
    p.add_argument("--today", default=None, metavar="YYYY-MM-DD",
                   help="reference day for relative dates such as 明天 (default: the local date, printed on stderr)")
    p.add_argument("--backend", default="torch", choices=BACKENDS,
                   help="how the model runs: torch (default) or int8 (CPU, dynamic int8 linear layers)")
    p.add_argument("--trust-remote-code", action="store_true")
    return parser


def cmd_data(args, console: Console) -> None:
    from sft.datagen import generate, write

    examples = generate(n=args.n, seed=args.seed, mix=args.mix, prompt=args.prompt)
    txt, jsonl = write(examples, args.out, prompt=args.prompt)
    console.print(f"{len(examples)} examples -> {txt} and {jsonl}")


def cmd_finetune(args, console: Console) -> None:
    from sft.train import FinetuneConfig, finetune

    overrides = {f.name: getattr(args, f.name) for f in dataclasses.fields(FinetuneConfig)
                 if getattr(args, f.name, None) is not None and f.name != "profile"}
    finetune(FinetuneConfig.from_profile(args.profile, **overrides), console=console)


def cmd_bench(args, console: Console) -> None:
    from bench.run import BenchConfig, parse_sample, run_bench

    cfg = BenchConfig(
        contenders=[c.strip() for c in args.contenders.split(",") if c.strip()],
        splits=[s.strip() for s in args.splits.split(",")] if args.splits else None,
        model=args.model, adapter=args.adapter, run=args.run, reports_dir=args.reports_dir, force=args.force,
        resume=args.resume,
        **({"suite": args.suite} if args.suite else {}),
        batch_size=args.batch_size, max_new_tokens=args.max_new_tokens, latency_sample=args.latency_sample,
        limit=args.limit, sample=parse_sample(args.sample), device=args.device, dtype=args.dtype,
        trust_remote_code=args.trust_remote_code,
        sweep=[int(b) for b in args.sweep.split(",")] if args.sweep else None,
        sweep_contenders=[c.strip() for c in args.sweep_contenders.split(",")] if args.sweep_contenders else None,
        jump_forward=args.jump_forward, free_first=args.free_first, sweep_latency_n=args.sweep_latency_n,
        copy_city=args.copy_city,
        backend=args.backend, share_prefix=args.share_prefix, engine=args.engine, lookup=args.lookup,
        cuda_graphs=args.cuda_graphs, command="qwen-sft " + " ".join(sys.argv[1:]),
    )
    run_bench(cfg, console=console)


def cmd_speed(args, console: Console) -> None:
    import json
    from pathlib import Path

    from bench import speed
    from bench.run import run_metadata
    from sft.session import InferenceSession
    from sft.suite import load_suite

    modes = [m for m in args.hf_generate.split(",") if m]
    for mode in modes:  # checked before any work: a typo loses no measurement
        if mode not in ("static", "dynamic"):
            raise UserError(f"--hf-generate: unknown mode {mode!r}; valid: static, dynamic")
    ws = InferenceSession(args.model, args.adapter, device=args.device, engine=args.engine,
                          cuda_graphs=args.cuda_graphs, lookup=args.lookup)
    loaded = ws.base()
    device = next(loaded.model.parameters()).device
    fixed = args.fixed_new_tokens

    def make(bs):
        ex = ws.extractor(adapter=args.adapter is not None, constrained=False, prompt=prompt, batch_size=bs)
        if fixed:
            ex.max_new_tokens, ex.stop_at_answer = fixed, False
        return ex

    questions = [it.query for it in load_suite(splits=[x.strip() for x in args.splits.split(",")] if args.splits
                                                else None)]
    prompt = args.prompt or ws.prompt_for(args.adapter is not None)
    sizes = [] if args.batch_sizes in ("", "none") else [int(b) for b in args.batch_sizes.split(",")]
    out = {
        "run": {**run_metadata("qwen-sft " + " ".join(sys.argv[1:]), loaded, args.model),
                "adapter": args.adapter, "prompt": prompt, "fixed_new_tokens": fixed, "engine": args.engine,
                "cuda_graphs": args.cuda_graphs, "lookup": args.lookup},
        "params": sum(p.numel() for p in loaded.model.parameters()),
        "decode_floor": speed.decode_floor(loaded.model, device),
    }
    if sizes:
        out["sweep"] = speed.sweep(make, questions, sizes, args.latency_n, device,
                                   progress=lambda row: console.print(f"  {row}"))
    if args.lookup_pair:
        out["lookup_pair"] = r = speed.lookup_pair(make, questions[: args.latency_n], args.lookup_pair)
        off, on = r["lookup_0"], r[f"lookup_{args.lookup_pair}"]
        console.print(f"  lookup 0 vs {args.lookup_pair}: p50 {off['p50_ms']:.1f} vs {on['p50_ms']:.1f} ms, calls "
                      f"{off['mean_forwards']:.1f} vs {on['mean_forwards']:.1f}, "
                      f"same answers {r['same_answers']} / {r['answers_compared']}")
    # transformers' generate runs on the plain model: with an adapter, merged and unloaded once
    model = ws.with_adapter().merge_and_unload() if modes and args.adapter is not None else loaded.model
    for mode in modes:
        try:
            out[f"hf_generate_{mode}"] = r = speed.hf_generate_latency(
                model, loaded.tokenizer, questions, prompt, n=args.latency_n, max_new_tokens=fixed or 24,
                fixed=bool(fixed), static=mode == "static")
            console.print(f"  hf generate ({mode}): p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, "
                          f"warm-up {r['warmup_s']:.1f} s")
        except Exception as exc:  # an experiment: its failure is a figure too
            out[f"hf_generate_{mode}"] = {"error": f"{type(exc).__name__}: {' '.join(str(exc).split())[:500]}"}
            console.print(f"  hf generate ({mode}) failed: {out[f'hf_generate_{mode}']['error']}")
    if args.train_steps:
        out["train_step"] = speed.train_step_seconds(args.model, profile=args.train_profile, steps=args.train_steps,
                                                     device=args.device)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if sizes:
        b1 = out["sweep"]["batch1"]
        console.print(f"batch-1 p50 {b1['p50_ms']:.1f} ms p95 {b1['p95_ms']:.1f} ms; best "
                      f"{out['sweep'].get('best', {}).get('queries_per_s', float('nan')):.1f} q/s; floor "
                      f"{out['decode_floor']['ms']:.3f} ms/step")
    console.print(f"-> {args.out}")


def read_questions(args) -> list[tuple[str, str | None]]:
    """(question, today-or-None) pairs from the arguments, ``--file`` or stdin, in order."""
    import json

    if args.questions and args.file:
        raise UserError("give questions as arguments or with --file, not both")
    if args.questions:
        return [(q, None) for q in args.questions]
    if args.file in (None, "-"):
        if args.file is None and sys.stdin.isatty():
            raise UserError("no question: give one as an argument, --file FILE, or pipe lines to stdin")
        data, name = sys.stdin.buffer.read(), "stdin"
    else:
        try:
            data, name = open(args.file, "rb").read(), args.file
        except OSError as exc:
            raise UserError(f"--file {args.file}: {exc.strerror}") from None
    out = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            raise UserError(f"{name}:{number}: not UTF-8") from None
        if not line:
            continue
        if line.startswith("{"):
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise UserError(f"{name}:{number}: not JSON ({exc})") from None
            if not isinstance(record, dict) or not isinstance(record.get("query"), str) or not record["query"].strip():
                raise UserError(f"{name}:{number}: a JSON line needs a non-empty \"query\"")
            out.append((record["query"], record.get("today")))
        else:
            out.append((line, None))
    if not out:
        raise UserError(f"{name}: no question")
    return out


def check_answer(question: str, text: str) -> tuple[dict | None, str | None]:
    """The answer in a model's text, if it obeys the task rule; else (None, why)."""
    from sft.task import parse_output, valid_date

    answer = parse_output(text).answer
    if answer is None:
        return None, "no answer JSON in the model's output"
    if answer.date is not None and not valid_date(answer.date):
        return None, f"date {answer.date!r} is not a %m-%d or %Y-%m-%d day"
    if answer.city is not None and (not answer.city.strip() or answer.city != answer.city.strip()
                                    or answer.city not in question):
        return None, f"city {answer.city!r} is not written in the question"
    return answer.as_dict(), None


def cmd_extract(args, console: Console) -> None:
    import json

    from sft.dates import parse_today
    from sft.session import InferenceSession
    from sft.task import resolve_output

    if args.batch_size < 1:
        raise UserError(f"--batch-size {args.batch_size}: give at least 1")
    pairs = read_questions(args)
    default_today = _today(args.today, console)
    todays = [parse_today(t) if t is not None else default_today for _, t in pairs]
    questions = [q for q, _ in pairs]
    session = InferenceSession(args.model, args.adapter, device=args.device, batch_size=args.batch_size,
                               trust_remote_code=args.trust_remote_code, backend=args.backend)
    adapter = args.adapter is not None
    prompt = args.prompt or session.prompt_for(adapter)
    extractor = session.extractor(adapter=adapter, constrained=args.json, prompt=prompt)
    phrase = session.dates_for(adapter) == "phrase"  # the adapter copies relative dates: resolved here
    with session.adapter_state(adapter):
        generations = extractor(questions, todays=None if phrase else todays)
    bad = 0
    for question, generation, today in zip(questions, generations, todays, strict=True):
        if args.raw:
            print(json.dumps(generation.text, ensure_ascii=False), flush=True)
            continue
        text = resolve_output(generation.text, today, question) if phrase else generation.text
        answer, why = check_answer(question, text)
        if answer is None:
            bad += 1
            print(json.dumps({"error": f"invalid answer: {why}", "output": generation.text}, ensure_ascii=False))
        else:
            print(json.dumps(answer, ensure_ascii=False))
    if bad:
        raise SystemExit(1)


def _today(value: str | None, console: Console):
    """``--today``: a YYYY-MM-DD reference day, else the local date (said on stderr)."""
    import datetime as dt

    if value is None:
        today = dt.date.today()
        console.print(f"reference day for relative dates: {today.isoformat()} (--today to change)",
                      highlight=False)
        return today
    from sft.dates import parse_today

    return parse_today(value)


def main(argv: list[str] | None = None) -> None:
    """Run one command. What a user got wrong (:class:`sft.errors.UserError`, a file that exists or is
    missing, a folder that cannot be written) is one unwrapped line on stderr and exit 2; Ctrl-C is
    "interrupted" and exit 130; anything else is a bug and keeps its traceback."""
    from sft import distributed

    if argv is None and sys.argv[1:2] == ["--"]:
        del sys.argv[1]  # `torchrun ... -m bench.cli -- bench --run X`: the `--` keeps torchrun off `--run`
    args = build_parser().parse_args(argv)
    console = Console(stderr=True, quiet=not distributed.is_main())  # torchrun: rank 0 speaks for all
    try:
        {"data": cmd_data, "finetune": cmd_finetune, "bench": cmd_bench, "speed": cmd_speed,
         "extract": cmd_extract}[args.command](args, console)
        distributed.destroy()  # a data-parallel finetune/bench leaves its process group
    except KeyboardInterrupt as exc:
        print(" ".join(str(exc).split()) or "interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except (UserError, OSError) as exc:
        print("error: " + " ".join(str(exc).split()), file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
