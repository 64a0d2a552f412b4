set -x
cd /work/main
export MKL_ENABLE_INSTRUCTIONS=AVX2 ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2
date -u
qwen-sft finetune --profile cpu --group-by-length --out /tmp/gbl-on 2>&1 | tr '\r' '\n' | grep -v "it/s\]\|s/it\]" | tail -3
date -u
qwen-sft bench --contenders qlora+resolve --adapter /tmp/gbl-on --splits wild,hard,relative --batch-size 64 --latency-sample 0 --device cpu --run gbl-on --reports-dir /tmp/gblr 2>&1 | tail -2
date -u
qwen-sft finetune --profile cpu --out /tmp/gbl-off 2>&1 | tr '\r' '\n' | grep -v "it/s\]\|s/it\]" | tail -3
date -u
