"""Data parallelism over ``torch.distributed``: one process per device, started by ``torchrun
--nproc-per-node N`` or ``accelerate launch`` (both set ``WORLD_SIZE``, ``RANK`` and ``LOCAL_RANK``).

Without such a launcher, or with ``WORLD_SIZE=1``, every function here is a no-op and no process group is
made: a single process runs exactly as it did before this module existed.

* ``qwen-sft finetune``: the transformers Trainer runs DDP itself (accelerate reads the same variables and
  takes the process group made here); what this module adds is the device of each rank
  (:func:`rank_device`: ``cuda:LOCAL_RANK``, so that every rank loads its own 4-bit copy of the base there).
* ``qwen-sft bench``: each rank takes whole batches of the one-process run (:func:`shard_batches`; the rule,
  which has no batches, round-robin: :func:`shard`), generates its share with the usual engine, and rank 0
  gets every rank's results (:func:`gather`) and puts them back in the suite's order (:func:`unshard_indexed`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

import torch

from .errors import UserError

#: How long a rank waits for the others at a collective: rank 0 alone runs the bench's batch-1 loop and
#: sweep while the others wait at the next contender's gather (NCCL's own default is 10 minutes).
TIMEOUT = dt.timedelta(minutes=60)


def world_size() -> int:
    return int(os.environ.get("WORLD_SIZE") or 1)


def rank() -> int:
    return int(os.environ.get("RANK") or 0)


def local_rank() -> int:
    return int(os.environ.get("LOCAL_RANK") or 0)


def enabled() -> bool:
    """Whether this process is one of several (a launcher started more than one)."""
    return world_size() > 1


def is_main() -> bool:
    """Rank 0: the one that prints, writes the adapter and the report."""
    return rank() == 0


def rank_device(device: str | None) -> str | None:
    """The device of this rank. One process: ``device`` as given. Several: ``cuda:LOCAL_RANK`` for
    ``cuda`` or no device where torch sees CUDA (each rank its own GPU; ``CUDA_VISIBLE_DEVICES`` picks
    which), else ``cpu``; a fixed ``cuda:N`` would put every rank on one GPU and is refused."""
    if not enabled():
        return device
    if device is None or device == "cuda":
        if not torch.cuda.is_available():
            return device or "cpu"  # `--device cuda` without CUDA: check_device says so
        count = torch.cuda.device_count()
        if local_rank() >= count:
            raise UserError(f"process {local_rank()} of this machine has no GPU of its own ({count} visible): "
                            f"launch at most {count} (torchrun --nproc-per-node {count})")
        return f"cuda:{local_rank()}"
    if device.startswith("cuda:"):
        raise UserError(f"--device {device} with {world_size()} processes: each process takes its own GPU "
                        "(cuda:LOCAL_RANK); give --device cuda or leave it out, and pick the GPUs with "
                        "CUDA_VISIBLE_DEVICES")
    return device


def init(device: str | None = None) -> bool:
    """Join the launcher's process group (once): NCCL for a CUDA device, gloo for the CPU. Returns whether
    this process is data-parallel; in a single process nothing happens."""
    if not enabled():
        return False
    import torch.distributed as dist

    if not dist.is_initialized():
        device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if device.type == "cuda":
            torch.cuda.set_device(device)  # NCCL's object collectives run on the current device
        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo", timeout=TIMEOUT)
    return True


def destroy() -> None:
    """Leave the process group, if this process is in one (at the end of a command)."""
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def barrier() -> None:
    """Wait for every rank (e.g. until rank 0 has written what the others read next); one process: no-op."""
    if not enabled():
        return
    import torch.distributed as dist

    if dist.get_backend() == "nccl":
        dist.barrier(device_ids=[torch.cuda.current_device()])
    else:
        dist.barrier()


def shard(items: Sequence, rank_: int | None = None, world: int | None = None) -> list:
    """This rank's share of ``items``, dealt round-robin (item i to rank i mod N): each rank gets the same
    mix of the suite's splits (their questions differ in length), so the ranks finish at about the same
    time. One process: all of them, in order."""
    rank_ = rank() if rank_ is None else rank_
    world = world_size() if world is None else world
    return list(items)[rank_::world]


def shard_batches(lengths: Sequence[int], batch_size: int, rank_: int | None = None,
                  world: int | None = None) -> list[int]:
    """This rank's questions (indices, in order) when the questions are cut into the batches one process
    would run (:class:`sft.engine.Extractor` sorts them by prompt length, stably, and cuts every
    ``batch_size``) and the batches are dealt round-robin. Every rank then runs exactly some of one
    process's batches, same rows, same padding, so its answers are those of one process even where float
    sums depend on the batch (bf16 on a GPU); the engine, sorting a shard, finds the same batches again."""
    rank_ = rank() if rank_ is None else rank_
    world = world_size() if world is None else world
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches = [order[k : k + batch_size] for k in range(0, len(order), batch_size)]
    return sorted(i for batch in batches[rank_::world] for i in batch)


def unshard_indexed(parts: Sequence[tuple[Sequence[int], Sequence]]) -> list:
    """Every rank's ``(indices, values)`` back in one list in the original order (each index exactly once)."""
    out: list = [None] * sum(len(idx) for idx, _ in parts)
    seen = 0
    for idx, values in parts:
        if len(idx) != len(values):
            raise ValueError(f"{len(values)} values for {len(idx)} indices")
        for i, v in zip(idx, values):
            out[i] = v
        seen += len(idx)
    if len({i for idx, _ in parts for i in idx}) != seen:
        raise ValueError("an index was given by two ranks")
    return out


def gather(obj) -> list | None:
    """Every rank's ``obj`` (picklable) on rank 0, in rank order; ``None`` on the other ranks. One process:
    ``[obj]``."""
    if not enabled():
        return [obj]
    import torch.distributed as dist

    out = [None] * world_size() if is_main() else None
    dist.gather_object(obj, out, dst=0)
    return out
