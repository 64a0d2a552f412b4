"""Prompt token ids for the llama.cpp measurement, exactly as the project's torch engine builds them.

Runs in the project's env (``PYTHONPATH=/work/main python reports/cpu-engines/llamacpp/prompts.py ...``).

* questions: ``bench.run.select(load_suite(suite, splits), limit)``, the selection of
  ``qwen-sft bench --splits ... --limit N`` (first N of each split, in file order);
* ids: ``sft.engine.Extractor.encode`` itself (``render(tokenizer, q, prompt, today=...)`` then
  ``tokenizer(text, add_special_tokens=False)["input_ids"]``, with the engine's truncation rules), on a stub
  model (encode only needs the config's context length and a parameter for the device);
* stop ids: the engine's own ``Extractor.stop_ids`` (eos, pad, <|im_end|>, <|endoftext|>);
* reference day: ``--today item`` (default) gives each item's own ``today`` to the prompt, which is what the
  bench's ``prompt`` contender does (``bench.contenders._model_todays`` returns the items' days for a
  contender without an adapter), so ``relative`` items get ``今天是...`` first; ``--today none`` gives none.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import torch

from bench.run import select
from sft.engine import Extractor
from sft.models import embedded_folder
from sft.suite import DEFAULT_SUITE, load_suite


class _StubModel(torch.nn.Module):
    """Just enough of a causal LM for ``Extractor.__init__`` and ``Extractor.encode`` (never called)."""

    def __init__(self, max_position_embeddings: int):
        super().__init__()
        self.config = SimpleNamespace(max_position_embeddings=max_position_embeddings)
        self.p = torch.nn.Parameter(torch.zeros(1), requires_grad=False)

    def get_output_embeddings(self):
        return None

    def forward(self, input_ids=None, attention_mask=None, position_ids=None, past_key_values=None, **kw):
        raise RuntimeError("stub model: encode only")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", default=str(DEFAULT_SUITE))
    ap.add_argument("--splits", default="hard,wild,relative")
    ap.add_argument("--limit", type=int, default=40, help="first N questions of each split (as bench --limit)")
    ap.add_argument("--prompt", default="tutorial", help="tutorial (the `prompt` contender's) | short")
    ap.add_argument("--today", choices=("item", "none"), default="item",
                    help="item: each item's reference day in the prompt, as the bench's prompt contender "
                         "(default); none: no reference day")
    ap.add_argument("--out", required=True, help="output JSON file")
    args = ap.parse_args(argv)

    from transformers import AutoTokenizer

    folder = embedded_folder()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    config = json.loads((folder / "config.json").read_text())
    extractor = Extractor(_StubModel(config.get("max_position_embeddings", 32768)), tokenizer,
                          prompt=args.prompt)

    splits = [s.strip() for s in args.splits.split(",")] if args.splits else None
    items = select(load_suite(args.suite, splits=splits), args.limit)
    rows = []
    for item in items:
        today = item.today if args.today == "item" else None
        ids = extractor.encode(item.query, today)
        rows.append({"id": item.id, "split": item.split, "query": item.query, "gold": item.gold.as_dict(),
                     "today": today.isoformat() if today else None, "ids": ids,
                     "text": tokenizer.decode(ids)})
    lengths = [len(r["ids"]) for r in rows]
    out = {
        "tokenizer": str(folder), "suite": str(args.suite), "splits": splits, "limit": args.limit,
        "prompt": args.prompt, "today": args.today, "max_new_tokens": extractor.max_new_tokens,
        "stop_ids": sorted(extractor.stop_ids),
        "stop_tokens": {str(i): tokenizer.convert_ids_to_tokens(i) for i in sorted(extractor.stop_ids)},
        "items": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    per_split: dict[str, int] = {}
    for r in rows:
        per_split[r["split"]] = per_split.get(r["split"], 0) + 1
    print(f"{len(rows)} prompts {per_split}, {min(lengths)}-{max(lengths)} tokens "
          f"(mean {sum(lengths) / len(lengths):.1f}), stop ids {out['stop_tokens']} -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
