#!/bin/sh
# lab.smoke, inside the guest (scenario shared-bridge-disk, busybox sh, root, the Debian kernel).
#
# Proves the lab is the lab-ground-truth.md §2a machine and that a test can do what lab.apply will
# need: the pcie-pci-bridge and both e1000 share one IOMMU group; both e1000 go to vfio-pci the
# libvirt way and come back; /dev/vfio/<group> appears; the data disk stays mounted and the e1000e
# keeps its address and route meanwhile; and the build's isolactl (an ASan+UBSan binary with its
# libraries) runs here and reports the same group. Each check that fails says what differs.
#
# Environment: ISOLACTL (the guest path of isolactl).
set -u

fail() { echo "lab.smoke: FAILED: $*"; echo "lab.smoke: dmesg (last 20 lines):"; dmesg | tail -n 20; exit 1; }
ok() { echo "lab.smoke: ok: $*"; }
. /lab/lib.sh

# ---- the topology ----------------------------------------------------------------------------
set -- $(devices_with 0x8086 0x100e)
[ $# -eq 2 ] || fail "expected two e1000 (8086:100e) behind the pcie-pci-bridge, found $#: $*"
nic_a=$1 nic_b=$2
bridge=$(devices_with 0x1b36 0x000e)
[ -n "$bridge" ] || fail "no pcie-pci-bridge (1b36:000e) in $pci"
e1000e=$(devices_with 0x8086 0x10d3)
[ -n "$e1000e" ] || fail "no e1000e (8086:10d3) in $pci"

group=$(group_of "$nic_a")
[ -n "$group" ] || fail "$nic_a has no IOMMU group: is intel_iommu=on in effect? ($(cat /proc/cmdline))"
for d in "$bridge" "$nic_b"; do
  [ "$(group_of "$d")" = "$group" ] ||
    fail "$d is in IOMMU group $(group_of "$d"), not in $nic_a's group $group as lab-ground-truth.md §2a says"
done
members=$(ls /sys/kernel/iommu_groups/"$group"/devices | tr '\n' ' ')
expected=$(printf '%s\n' "$bridge" "$nic_a" "$nic_b" | sort | tr '\n' ' ')
[ "$members" = "$expected" ] ||
  fail "IOMMU group $group holds $members; expected exactly the bridge and both e1000: $expected"
[ "$(group_of "$e1000e")" != "$group" ] || fail "the e1000e $e1000e shares group $group with the e1000s"
ok "IOMMU group $group = { $members} (bridge $bridge, e1000 $nic_a and $nic_b); the e1000e $e1000e is in group $(group_of "$e1000e")"

for d in "$nic_a" "$nic_b"; do
  [ "$(driver_of "$d")" = e1000 ] || fail "$d starts bound to $(driver_of "$d"), not to e1000"
done
[ "$(driver_of "$bridge")" = none ] || fail "the bridge $bridge is bound to $(driver_of "$bridge"); lab-ground-truth.md §2a says it has no driver"

# ---- what must stay untouched: the data disk and the e1000e ----------------------------------
nic=$(ls "$pci/$e1000e/net")
check_untouched() { # WHEN
  grep -q '^/dev/vd[a-z]* /mnt/data ' /proc/mounts || fail "$1, /mnt/data is no longer mounted: $(grep /mnt/data /proc/mounts)"
  echo "$1" >/mnt/data/probe && [ "$(cat /mnt/data/probe)" = "$1" ] || fail "$1, /mnt/data cannot be written and read back"
  [ -e "/sys/class/net/$nic" ] || fail "$1, the e1000e's interface $nic is gone"
  flags=$(cat "/sys/class/net/$nic/flags")
  [ $((flags & 1)) -eq 1 ] || fail "$1, $nic is down (flags $flags)"
  ip -o -4 addr show dev "$nic" | grep -q ' 192\.0\.2\.1/24 ' || fail "$1, $nic lost 192.0.2.1/24: $(ip -o -4 addr show dev "$nic")"
  ip route show default | grep -q "via 192\.0\.2\.254 dev $nic" || fail "$1, the default route via $nic is gone: $(ip route)"
}
check_untouched "before binding"
ok "/mnt/data is mounted and writable; $nic (e1000e) is up with 192.0.2.1/24 and the default route (operstate $(cat /sys/class/net/$nic/operstate))"

# ---- to vfio-pci and back, the libvirt way -----------------------------------------------------
rebind() { # DEVICE OVERRIDE: "" clears the override. The exit status of these writes is not
  # trusted (lab-ground-truth.md §7.5): the driver link is re-read afterwards.
  if [ -n "$2" ]; then echo "$2" >"$pci/$1/driver_override" || fail "writing $2 to $1's driver_override failed"
  else echo >"$pci/$1/driver_override" || fail "clearing $1's driver_override failed"; fi
  if [ -e "$pci/$1/driver" ]; then echo "$1" >"$pci/$1/driver/unbind" || fail "unbinding $1 from $(driver_of "$1") failed"; fi
  echo "$1" >/sys/bus/pci/drivers_probe || echo "lab.smoke: note: drivers_probe for $1 reported an error"
}
for d in "$nic_a" "$nic_b"; do rebind "$d" vfio-pci; done
for d in "$nic_a" "$nic_b"; do
  [ -d /sys/bus/pci/drivers/vfio-pci ] || fail "$d cannot go to vfio-pci: the driver is not registered (no /sys/bus/pci/drivers/vfio-pci; is the module in the initramfs?)"
  [ "$(driver_of "$d")" = vfio-pci ] || fail "after driver_override=vfio-pci, unbind and drivers_probe, $d is bound to $(driver_of "$d")"
done
[ -c /dev/vfio/"$group" ] || fail "both e1000 are on vfio-pci but /dev/vfio/$group does not exist: $(ls /dev/vfio)"
[ -c /dev/vfio/vfio ] || fail "/dev/vfio/vfio (the legacy container) does not exist"
ok "both e1000 are bound to vfio-pci; /dev/vfio/$group exists"
check_untouched "with both e1000 on vfio-pci"

# ---- the build's isolactl sees the same group and drivers --------------------------------------
: "${ISOLACTL:?the guest path of isolactl}"
"$ISOLACTL" scan --json >/tmp/scan.json 2>/tmp/scan.err
scan_status=$?
[ $scan_status -eq 0 ] || { cat /tmp/scan.err; fail "$ISOLACTL scan --json exited with status $scan_status in the guest"; }
[ ! -s /tmp/scan.err ] || { echo "lab.smoke: isolactl's standard error:"; cat /tmp/scan.err; }
# The snapshot's keys are sorted and one a line; a device's own keys share its "address" line's indent.
awk '
  match($0, /^[\t ]*"address": "[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]"/) {
    indent = substr($0, 1, index($0, "\"") - 1); split($0, q, "\""); dev = q[4]; next }
  dev != "" && index($0, indent "\"iommu_group\": ") == 1 { g = $0; sub(/.*: /, "", g); sub(/,$/, "", g); group[dev] = g }
  dev != "" && index($0, indent "\"driver\": ") == 1 { v = $0; sub(/.*: /, "", v); sub(/,$/, "", v); gsub(/"/, "", v); driver[dev] = v }
  END { for (d in group) print d, group[d], (d in driver ? driver[d] : "?") }' /tmp/scan.json >/tmp/scan.groups
seen() { awk -v d="$1" '$1 == d { print $2, $3 }' /tmp/scan.groups; }
[ -s /tmp/scan.groups ] || fail "isolactl scan --json lists no device with an IOMMU group: $(head -c 400 /tmp/scan.json)"
for d in "$bridge" "$nic_a" "$nic_b"; do
  set -- $(seen "$d")
  [ "${1:-}" = "$group" ] || fail "isolactl scan --json puts $d in IOMMU group ${1:-(none)}; sysfs says $group"
done
for d in "$nic_a" "$nic_b"; do
  set -- $(seen "$d")
  [ "${2:-}" = vfio-pci ] || fail "isolactl scan --json says $d is bound to ${2:-(nothing)}; sysfs says vfio-pci"
done
ok "isolactl scan --json ($(wc -l </tmp/scan.groups) devices) puts $bridge, $nic_a and $nic_b in group $group, both e1000 on vfio-pci"

# ---- back to e1000 -------------------------------------------------------------------------------
for d in "$nic_a" "$nic_b"; do rebind "$d" ""; done
for d in "$nic_a" "$nic_b"; do
  [ "$(driver_of "$d")" = e1000 ] || fail "after clearing driver_override, unbind and drivers_probe, $d is bound to $(driver_of "$d"), not e1000"
  [ "$(cat "$pci/$d/driver_override")" = "(null)" ] || fail "$d's driver_override still reads $(cat "$pci/$d/driver_override")"
done
ok "both e1000 are back on e1000 with no driver_override"
check_untouched "after returning both e1000"
ok "/mnt/data is still mounted and $nic still has its address and route"
echo "lab.smoke: all checks passed"
