#!/bin/sh
# lab.persist, inside the guest (scenario persist-reboot, three boots of run_guest.sh --boots 3;
# busybox sh, root, the Debian kernel, real systemd-udevd with a coldplug of the PCI bus).
#
# Issue 11: isolactl persist → reboot → the binding holds → unpersist → reboot → the host drivers.
#   boot 1: both e1000 on e1000 and no rule; persist moves nothing now, writes the udev rule for
#           the whole group and status lists both as bound at boot
#   boot 2: udev's coldplug put both e1000 on vfio-pci (override, /dev/vfio/<group>, VFIO's attach),
#           the disk and the default-route NIC untouched; unpersist removes the rule and the record
#   boot 3: both e1000 back on e1000 after the coldplug, no override, no rule, nothing bound at boot
# /etc/udev, /etc/modprobe.d and /var/lib/isola are on the state disk, so they survive the reboots.
# Each boot prints rows of the prediction fidelity table (tests/lab/fidelity_table.sh).
#
# Environment: ISOLACTL (the guest path of isolactl), ISOLA_LAB_BOOT (1, 2 or 3, from /init),
# ISOLA_LAB_KERNEL_NAME (which kernel, for the table; its release is added here).
set -u
export ISOLA_LAB_KERNEL_NAME="${ISOLA_LAB_KERNEL_NAME:-guest} $(uname -r)"
boot=${ISOLA_LAB_BOOT:-1}

fail() {
  echo "lab.persist: FAILED at boot $boot: $*"
  echo "lab.persist: dmesg (last 20 lines):"; dmesg | tail -n 20
  log=/state/udevd-boot-$boot.log
  if [ -r "$log" ]; then echo "lab.persist: udevd's log of this boot (last 40 lines of $log):"; tail -n 40 "$log"; fi
  exit 1
}
ok() { echo "lab.persist: ok (boot $boot): $*"; }
lab_test=lab.persist
. /lab/lib.sh
rules=/etc/udev/rules.d/60-isola-vfio.rules
record=/var/lib/isola/persisted.json

# row SCENARIO PREDICTED ACTUAL: one row of the fidelity table, yes when they are the same words.
row() {
  if [ "$2" = "$3" ]; then agree=yes; else agree=no; fi
  fidelity_row "$1" "$2" "$3" "$agree"
}


set -- $(devices_with 0x8086 0x100e)
[ $# -eq 2 ] || fail "expected two e1000 (8086:100e), found $#: $*"
nic_a=$1 nic_b=$2
group=$(group_of "$nic_a")
[ "$(group_of "$nic_b")" = "$group" ] || fail "$nic_a is in group $group but $nic_b in group $(group_of "$nic_b"); the scenario puts them in one"
e1000e=$(devices_with 0x8086 0x10d3)
data=$(awk '$2 == "/mnt/data" { print $1 }' /proc/mounts)
[ -n "$data" ] || fail "/mnt/data (the data disk) is not mounted"
disk_path=$(readlink -f "/sys/block/${data#/dev/}")   # …/0000:03:00.0/virtio0/block/vdX
disk=$(basename "$(dirname "$(dirname "$(dirname "$disk_path")")")")
[ -e "$pci/$disk" ] || fail "cannot find the PCI function of $data from $disk_path"
nic=$(ls "$pci/$e1000e/net")
drivers() { echo "$nic_a on $(driver_of "$nic_a"), $nic_b on $(driver_of "$nic_b")"; }

check_untouched() { # WHEN: the data disk and the e1000e, as /init set them up
  echo "$1" >/mnt/data/probe && [ "$(cat /mnt/data/probe)" = "$1" ] || fail "$1, /mnt/data ($data) cannot be written and read back"
  [ "$(driver_of "$disk")" = virtio-pci ] || fail "$1, the data disk's $disk is on $(driver_of "$disk"), not virtio-pci"
  [ "$(driver_of "$e1000e")" = e1000e ] || fail "$1, the e1000e $e1000e is on $(driver_of "$e1000e"), not e1000e"
  [ -e "/sys/class/net/$nic" ] || fail "$1, the e1000e's interface $nic is gone"
  ip route show default | grep -q "dev $nic" || fail "$1, the default route via $nic is gone: $(ip route)"
}
expect_host_drivers() { # WHEN: both e1000 on e1000 without an override, no rule file
  for d in "$nic_a" "$nic_b"; do
    [ "$(driver_of "$d")" = e1000 ] || fail "$1: $d (group $group) is on $(driver_of "$d"), not e1000"
    [ "$(override_of "$d")" = "(null)" ] || fail "$1: $d (group $group) has the driver_override $(override_of "$d")"
  done
  [ ! -e "$rules" ] || fail "$1: the rule file $rules exists: $(cat "$rules")"
}

case $boot in
  1)
    expect_host_drivers "at the first boot"
    check_untouched "at the first boot"
    [ ! -e "$record" ] || fail "at the first boot $record exists already: $(cat "$record")"
    ok "group $group: $nic_a and $nic_b on e1000, no rule file; $disk ($data) mounted; $nic ($e1000e) has the default route"

    run persist 0 persist "$nic_a" --vm lab --confirm
    contains "2 devices are bound to vfio-pci at boot for \"lab\""
    contains "The devices move at the next boot"
    [ -r "$rules" ] || fail "isolactl persist exited 0 but wrote no $rules"
    echo "lab.persist: $rules:"; sed 's/^/lab.persist:   /' "$rules"
    for d in "$nic_a" "$nic_b"; do
      grep -q "^ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"$d\", ATTR{driver_override}=\"vfio-pci\"" "$rules" ||
        fail "$rules has no rule for $d (group $group: persist binds the whole group)"
    done
    [ -r "$record" ] || fail "isolactl persist exited 0 but wrote no $record"
    for d in "$nic_a" "$nic_b"; do
      [ "$(driver_of "$d")" = e1000 ] || fail "persist moved $d now: it is on $(driver_of "$d"), not e1000 (persist binds at the next boot only)"
      [ "$(override_of "$d")" = "(null)" ] || fail "persist set $d's driver_override to $(override_of "$d") now"
    done
    check_untouched "after persist"
    ok "persist wrote the rule for $nic_a and $nic_b and moved nothing now"

    run status 0 status
    contains "Isola binds 2 devices to vfio-pci at boot:"
    contains "$nic_a for \"lab\""
    contains "$nic_b for \"lab\""
    ok "status lists $nic_a and $nic_b as bound at boot"
    row "persist: nothing moves until the next boot" "$nic_a on e1000, $nic_b on e1000" "$(drivers)"
    sync
    ;;
  2)
    [ -r "$rules" ] || fail "the rule file $rules written at boot 1 is gone (the state disk did not keep it)"
    for d in "$nic_a" "$nic_b"; do
      [ "$(override_of "$d")" = vfio-pci ] || fail "after udev's coldplug $d (group $group) has the driver_override $(override_of "$d"), not vfio-pci"
    done
    row "persist, then reboot: both e1000 on vfio-pci at boot (udev rule, coldplug)" "$nic_a on vfio-pci, $nic_b on vfio-pci" "$(drivers)"
    for d in "$nic_a" "$nic_b"; do
      [ "$(driver_of "$d")" = vfio-pci ] || fail "after udev's coldplug $d (group $group) is on $(driver_of "$d"), not vfio-pci, though its driver_override is vfio-pci"
    done
    [ -e "/dev/vfio/$group" ] || fail "/dev/vfio/$group does not exist with both e1000 of group $group on vfio-pci"
    check_untouched "after the coldplug at the second boot"
    ok "the coldplug bound $nic_a and $nic_b to vfio-pci; /dev/vfio/$group exists; $disk and $nic untouched"
    # What udev did for the first e1000 (the rule's assignment, the builtin, the RUN program).
    grep -E "^$nic_a: .*(60-isola-vfio|driver_override|kmod|Running|RUN|exited|Processing)" "/state/udevd-boot-$boot.log" |
      sed 's/^/lab.persist: [udevd] /'
    grep -iE "kmod|module|fail" "/state/udevd-boot-$boot.log" | head -n 10 | sed 's/^/lab.persist: [udevd] /'

    run probe 0 probe "$nic_a" --backend legacy
    ok "VFIO's legacy attach of $nic_a works"

    run unpersist 0 unpersist
    contains "2 devices boot on their host drivers again"
    [ ! -e "$rules" ] || fail "unpersist exited 0 but $rules is still there: $(cat "$rules")"
    [ ! -e "$record" ] || fail "unpersist exited 0 but $record is still there: $(cat "$record")"
    for d in "$nic_a" "$nic_b"; do
      [ "$(driver_of "$d")" = vfio-pci ] || fail "unpersist moved $d now: it is on $(driver_of "$d") (it changes the next boot only)"
    done
    check_untouched "after unpersist"
    ok "unpersist removed $rules and $record"
    sync
    ;;
  3)
    row "unpersist, then reboot: both e1000 back on e1000" "$nic_a on e1000, $nic_b on e1000" "$(drivers)"
    expect_host_drivers "after unpersist and a reboot"
    [ ! -e "$record" ] || fail "after unpersist and a reboot $record exists: $(cat "$record")"
    check_untouched "at the third boot"
    run status 0 status
    # With nothing persisted, status says nothing about boot at all.
    for word in "at boot" "$nic_a" "$nic_b"; do
      printf '%s' "$out" | grep -qF -- "$word" && fail "after unpersist, isolactl status still mentions '$word'"
    done
    ok "$nic_a and $nic_b are on e1000 again, no override, no rule; status binds nothing at boot"
    echo "lab.persist: all checks passed"
    ;;
  *) fail "ISOLA_LAB_BOOT is '$boot'; this script knows boots 1, 2 and 3" ;;
esac
