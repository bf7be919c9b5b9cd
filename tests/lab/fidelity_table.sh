#!/usr/bin/env bash
# fidelity_table.sh BUILD_DIR: prints the kernel lab's prediction fidelity table — every
# ISOLA-FIDELITY row the lab's guests printed (tests/lab/judge/lab_judge.cpp) — gathered from the
# serial logs under BUILD_DIR/tests/lab/*/, one row per check: kernel, scenario, what Isola
# predicted, what the kernel did, and whether they agree. Exits 1 when a row disagrees, 0
# otherwise (also when no lab test ran: then it says so).
set -euo pipefail
build=${1:?usage: fidelity_table.sh BUILD_DIR}
shopt -s nullglob
logs=("$build"/tests/lab/*/serial.log)
rows=$(cat /dev/null "${logs[@]}" | grep -a '^ISOLA-FIDELITY	' | cut -f2- || true)
if [ -z "$rows" ]; then
  echo "== prediction fidelity: no lab guest printed a row (the lab did not run) =="
  exit 0
fi
total=$(wc -l <<<"$rows")
no=$(awk -F'\t' '$5 != "yes"' <<<"$rows" | wc -l)
echo "== prediction fidelity: $total checks on real kernels, $((total - no)) agree, $no disagree =="
awk -F'\t' '{
  printf "%-3s | %-22s | %s\n    Isola predicted: %s\n    the kernel did:  %s\n", $5, $1, $2, $3, $4
  if (NF >= 6 && $6 != "") printf "    note: %s\n", $6
}' <<<"$rows"
[ "$no" = 0 ]
