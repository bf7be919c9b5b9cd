#!/bin/sh
# lab.apply, inside the guest (scenario shared-bridge-disk, busybox sh, root, the Debian kernel).
#
# isolactl on a real kernel: the whole group (the pcie-pci-bridge and both e1000) goes to
# vfio-pci and VFIO's own attach works; restore brings every device back; a run killed right
# after each of its writes is put back at the next start; the mounted disk's group and the NIC
# with the default route are refused before any write. Each check that fails says what differs.
#
# Environment: ISOLACTL (the guest path of isolactl).
set -u

fail() { echo "lab.apply: FAILED: $*"; echo "lab.apply: dmesg (last 20 lines):"; dmesg | tail -n 20; exit 1; }
ok() { echo "lab.apply: ok: $*"; }
lab_test=lab.apply
. /lab/lib.sh
journal=/var/lib/isola/journal.json

set -- $(devices_with 0x8086 0x100e)
[ $# -eq 2 ] || fail "expected two e1000 (8086:100e), found $#: $*"
nic_a=$1 nic_b=$2
group=$(group_of "$nic_a")
e1000e=$(devices_with 0x8086 0x10d3)
disk_path=$(readlink -f /sys/block/vda)   # …/0000:03:00.0/virtio0/block/vda
disk=$(basename "$(dirname "$(dirname "$(dirname "$disk_path")")")")
[ -e "$pci/$disk" ] || fail "cannot find the PCI function of /dev/vda from $disk_path"
nic=$(ls "$pci/$e1000e/net")

expect_host_drivers() { # WHEN: both e1000 on e1000 without an override, no journal
  for d in "$nic_a" "$nic_b"; do
    [ "$(driver_of "$d")" = e1000 ] || fail "$1: $d is on $(driver_of "$d"), not e1000"
    [ "$(override_of "$d")" = "(null)" ] || fail "$1: $d keeps the driver_override $(override_of "$d")"
  done
  [ ! -e "$journal" ] || fail "$1: the journal $journal is still there: $(cat "$journal")"
}
check_untouched() { # WHEN: the data disk and the e1000e, as /init set them up
  grep -q '^/dev/vda /mnt/data ' /proc/mounts || fail "$1, /mnt/data is no longer mounted"
  echo "$1" >/mnt/data/probe && [ "$(cat /mnt/data/probe)" = "$1" ] || fail "$1, /mnt/data cannot be written and read back"
  [ "$(driver_of "$disk")" = virtio-pci ] || fail "$1, the disk's $disk is on $(driver_of "$disk")"
  [ -e "/sys/class/net/$nic" ] || fail "$1, the e1000e's interface $nic is gone"
  ip route show default | grep -q "dev $nic" || fail "$1, the default route via $nic is gone: $(ip route)"
}
expect_host_drivers "at boot"
check_untouched "at boot"
ok "group $group: $nic_a and $nic_b on e1000; disk $disk mounted at /mnt/data; $nic ($e1000e) carries the default route"

# ---- refused before any write ----------------------------------------------------------------
run refuse-disk 2 apply "$disk" --vm lab --confirm
contains "nothing was changed, because the plan is refused"
contains "/mnt/data"
run refuse-route 2 apply "$e1000e" --vm lab --confirm
contains "default route"
check_untouched "after the refusals"
[ ! -e "$journal" ] || fail "a refused apply left a journal"
ok "the mounted disk's group and the default-route NIC are refused, and nothing changed"

# ---- apply, dry run first ------------------------------------------------------------------------
run dry-run 0 apply "$nic_a" --vm lab --dry-run
[ "$(printf '%s\n' "$out" | wc -l)" -eq 6 ] || fail "--dry-run printed $(printf '%s\n' "$out" | wc -l) lines, expected 6 writes"
contains "echo $nic_b > /sys/bus/pci/drivers/e1000/unbind"
expect_host_drivers "after --dry-run"
run unconfirmed 2 apply "$nic_a" --vm lab
contains "needs confirmation"
expect_host_drivers "after an unconfirmed apply"

start=$(date +%s)
run apply 0 apply "$nic_a" --vm lab --confirm
contains "2 devices are now on vfio-pci for \"lab\""
for d in "$nic_a" "$nic_b"; do
  [ "$(driver_of "$d")" = vfio-pci ] || fail "after apply $d is on $(driver_of "$d")"
done
[ -e "/dev/vfio/$group" ] || fail "/dev/vfio/$group does not exist after apply"
[ ! -e "$journal" ] || fail "a finished apply left its journal"
check_untouched "after apply"
ok "apply moved $nic_a and $nic_b to vfio-pci in $(( $(date +%s) - start )) s; /dev/vfio/$group exists"

if "$ISOLACTL" --help 2>&1 | grep -q '^  probe '; then
  run probe 0 probe "$nic_a" --backend legacy
  ok "VFIO's legacy attach of $nic_a works"
fi

run status 0 status
contains "Isola has moved 2 devices on this host:"
run restore 0 restore
contains "Back as they were before Isola moved them"
expect_host_drivers "after restore"
run status-empty 0 status
contains "Isola has moved no device on this host."
check_untouched "after restore"
ok "restore returned both e1000 to e1000"

# ---- killed right after each write: the next start puts everything back ----------------------------
for k in 1 2 3 4 5 6; do
  ISOLA_TEST_KILL_AFTER_WRITE=$k "$ISOLACTL" apply "$nic_a" --vm lab --confirm >/dev/null 2>&1
  status=$?
  [ "$status" = 137 ] || fail "isolactl apply killed after write $k exited with $status, not 137 (SIGKILL)"
  [ -e "$journal" ] || fail "isolactl apply killed after write $k left no journal"
  run "recover-$k" 0 status
  contains "was interrupted at write $k of 6."
  contains "Isola put every device back as it was"
  expect_host_drivers "after the recovery of a kill after write $k"
done
check_untouched "after the kills"
ok "a kill after each of the 6 writes is put back at the next start"
echo "lab.apply: all checks passed"
