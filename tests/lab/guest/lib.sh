# tests/lab/guest/lib.sh — what every guest script asks of sysfs, and the fidelity table's row.
# run_guest.sh puts it in every initramfs as /lab/lib.sh; a guest script starts with
#   . /lab/lib.sh
# (busybox sh; nothing here exits or prints on its own).
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

# fidelity_row SCENARIO PREDICTED KERNEL_DID yes|no: one row of the prediction fidelity table
# (tests/lab/fidelity_table.sh), in isola-lab-judge's format; ISOLA_LAB_KERNEL_NAME names the kernel.
fidelity_row() {
  printf 'ISOLA-FIDELITY\t%s\t%s\t%s\t%s\t%s\n' "${ISOLA_LAB_KERNEL_NAME:-$(uname -r)}" "$1" "$2" "$3" "$4"
}
