# tests/lab/guest/lib.sh — what every guest script asks of sysfs, and the fidelity table's row.
# run_guest.sh puts it in every initramfs as /lab/lib.sh; a guest script sets lab_test (its name,
# for the output) and defines fail(), then
#   . /lab/lib.sh
# (busybox sh; only run and contains print or stop, through the script's fail()).
pci=/sys/bus/pci/devices

# devices_with VENDOR DEVICE: the addresses of the functions with these sysfs IDs (0x-prefixed).
devices_with() {
  for d in "$pci"/*; do
    [ "$(cat "$d/vendor")" = "$1" ] && [ "$(cat "$d/device")" = "$2" ] && echo "${d##*/}"
  done
}
group_of() { basename "$(readlink "$pci/$1/iommu_group")"; }
# driver_of BDF: the bound driver's name, or "none".
driver_of() { if [ -e "$pci/$1/driver" ]; then basename "$(readlink "$pci/$1/driver")"; else echo none; fi; }
override_of() { cat "$pci/$1/driver_override"; }

# run NAME EXPECTED_STATUS ARGS...: $ISOLACTL with its output kept in $out (and printed, each line
# prefixed with "$lab_test: [NAME]"); the script's fail() when it exits with another status.
run() {
  name=$1 want=$2; shift 2
  out=$("$ISOLACTL" "$@" 2>&1); status=$?
  printf '%s\n' "$out" | sed "s/^/${lab_test:-lab}: [$name] /"
  [ "$status" = "$want" ] || fail "isolactl $* exited with $status, expected $want"
}
# contains TEXT: the last run's output holds TEXT, or the script's fail().
contains() { printf '%s' "$out" | grep -qF -- "$1" || fail "the output of the last isolactl lacks: $1"; }

# fidelity_row SCENARIO PREDICTED KERNEL_DID yes|no: one row of the prediction fidelity table
# (tests/lab/fidelity_table.sh), in isola-lab-judge's format; ISOLA_LAB_KERNEL_NAME names the kernel.
fidelity_row() {
  printf 'ISOLA-FIDELITY\t%s\t%s\t%s\t%s\t%s\n' "${ISOLA_LAB_KERNEL_NAME:-$(uname -r)}" "$1" "$2" "$3" "$4"
}
