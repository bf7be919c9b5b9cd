#!/usr/bin/env bash
# The sanitized `isolactl scan` of a fixture host frees all it allocates, libpci's share included:
# LeakSanitizer on and NO suppressions (the ctest preset's tests/sanitizers/lsan.supp hides leaks
# inside third-party libraries; libpci must not need it).
#
#   scan_frees_everything.sh ISOLACTL FIXTURE_GEN MACHINE_JSON
set -uo pipefail
isolactl=$1 gen=$2 machine=$3

work=$(mktemp -d /tmp/isola-scan-leaks.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$gen" "$machine" "$work/host" >/dev/null || { echo "the fixture generator failed on $machine"; exit 1; }

env -u LSAN_OPTIONS ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=23 \
  "$isolactl" scan --sysfs-root "$work/host/sys" --proc-root "$work/host/proc" --dev-root "$work/host/dev" \
  >"$work/out" 2>"$work/err"
status=$?
# LeakSanitizer stops the whole process under ptrace or where the sandbox denies it: that is about
# the machine, not a leak, so the test reports itself skipped (77).
if grep -qE 'LeakSanitizer (has encountered a fatal error|does not work under ptrace)' "$work/err"; then
  echo "LeakSanitizer cannot run on this machine:"; cat "$work/err"; exit 77
fi
if grep -q 'ERROR: LeakSanitizer' "$work/err" || [ "$status" != 0 ]; then
  echo "isolactl scan of $(basename "$machine" .json) exited $status:"; cat "$work/err"; exit 1
fi
echo "isolactl scan of $(basename "$machine" .json): $(wc -l <"$work/out") lines, no leaks"
