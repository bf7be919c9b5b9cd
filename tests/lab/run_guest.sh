#!/usr/bin/env bash
# run_guest.sh --scenario NAME --guest-script FILE --work-dir DIR [options]
#
# Boots a kernel under QEMU (TCG) on a q35 machine with an emulated Intel IOMMU and the scenario's
# devices, runs FILE inside as root (busybox sh) and exits with FILE's status.
# See README.md for the scenarios, the two kernels and the payload format.
#
#   --scenario NAME        the devices (shared-bridge-disk; see scenario_devices below)
#   --guest-script FILE    copied to /lab/guest.sh and run by /init (with guest/lib.sh as /lab/lib.sh)
#   --work-dir DIR         initramfs, disk image and serial log go here (DIR/serial.log)
#   --payload-list FILE    more payload lines (HOST_PATH [GUEST_PATH]), see make_initrd.sh
#   --file HOST[=GUEST]    one payload file (repeatable); GUEST defaults to HOST
#   --env NAME=VALUE       a variable for the guest script (repeatable)
#   --pass NAME            pass this process's $NAME to the guest script, when set (repeatable)
#   --timeout SECONDS      for each boot and its script (default 180), enforced with timeout(1)
#   --boots N              boot the same machine N times in a row (default 1): the same initramfs
#                          and disk images (created once, before boot 1); boot K gets
#                          isola_lab_boot=K on its command line (the script's $ISOLA_LAB_BOOT) and
#                          comes only after boot K-1's script exited 0
#   --memory MIB           guest memory (default 1024)
#   --kernel KIND          debian (default): Debian's packaged kernel with its modules in the
#                          initramfs (legacy VFIO container only); lab: the lab's own kernel,
#                          everything built in, no modules (legacy container and iommufd cdev),
#                          built or reused from the cache by build_kernel.sh
#
# Environment: ISOLA_LAB_KERNEL_KIND (debian|lab, what --kernel sets), ISOLA_LAB_KERNEL (the
# kernel image; default for debian /boot/vmlinuz-<the release in /lib/modules>, for lab the one
# build_kernel.sh prints), ISOLA_LAB_KVER (see make_initrd.sh; debian only), ISOLA_LAB_ACCEL
# (default tcg).
#
# Exit status: the guest script's (with --boots, the first non-zero one); 1 when the guest did not
# finish (no end marker) or the harness was misused; 77 (skip) when QEMU, the kernel, its modules or what building the lab
# kernel needs are missing — with CI=true that is a failure instead (tests/support/require_tool.sh).
set -euo pipefail
shopt -s lastpipe

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../support/require_tool.sh"
say() { printf 'isola lab: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

scenario= script= work= timeout_s=180 memory=1024 boots=1 payload_list= kind=${ISOLA_LAB_KERNEL_KIND:-debian}
files=() envs=()
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "option $1 needs a value"
  case $1 in
    --scenario) scenario=$2 ;;
    --guest-script) script=$2 ;;
    --work-dir) work=$2 ;;
    --payload-list) payload_list=$2 ;;
    --file) files+=("$2") ;;
    --env) envs+=("$2") ;;
    --pass) if [ -n "${!2+set}" ]; then envs+=("$2=${!2}"); fi ;;
    --timeout) timeout_s=$2 ;;
    --memory) memory=$2 ;;
    --boots) boots=$2 ;;
    --kernel) kind=$2 ;;
    *) die "unknown option $1 (see the head of $0)" ;;
  esac
  shift 2
done
[ -n "$scenario" ] && [ -n "$script" ] && [ -n "$work" ] ||
  die "usage: run_guest.sh --scenario NAME --guest-script FILE --work-dir DIR [options]"
[ -r "$script" ] || die "the guest script $script cannot be read"
case $boots in '' | *[!0-9]* | 0) die "--boots $boots is not a number of boots (1 or more)" ;; esac
case $kind in debian | lab) ;; *) die "unknown kernel kind '$kind' (--kernel or ISOLA_LAB_KERNEL_KIND: debian or lab)" ;; esac
export ISOLA_LAB_KERNEL_KIND=$kind # make_initrd.sh: modules or none

# ---- scenarios: QEMU devices, and what /init sets up (lab.env) ----------------------------
# shared-bridge-disk: lab-ground-truth.md §2a (root port → pcie-pci-bridge → two e1000, one IOMMU
# group with the bridge), a virtio-blk disk and an e1000e, each behind its own root port (own groups).
# persist-reboot: shared-bridge-disk plus a state disk (virtio-blk, serial isolastate, behind its
# own root port) that keeps /etc/udev, /etc/modprobe.d and /var/lib/isola from boot to boot, and
# udev in the guest (systemd-udevd, coldplug of the PCI bus), for isolactl persist across reboots.
udev=0
scenario_devices() {
  case $1 in
    shared-bridge-disk | persist-reboot)
      devices=(
        -device pcie-root-port,id=rp1,bus=pcie.0,addr=0x2,chassis=1
        -device pcie-pci-bridge,id=br1,bus=rp1
        -device e1000,bus=br1,addr=1,romfile=
        -device e1000,bus=br1,addr=2,romfile=
        -device pcie-root-port,id=rp2,bus=pcie.0,addr=0x3,chassis=2
        -drive "file=$work/disk.img,if=none,id=d0,format=raw"
        -device virtio-blk-pci,drive=d0,bus=rp2
        -device pcie-root-port,id=rp3,bus=pcie.0,addr=0x4,chassis=3
        -device e1000e,bus=rp3,romfile=
      )
      disks=("$work/disk.img")
      lab_env=('ISOLA_LAB_DISK=virtio' "ISOLA_LAB_NET='e1000e 192.0.2.1/24 192.0.2.254'")
      if [ "$1" = persist-reboot ]; then
        devices+=(
          -device pcie-root-port,id=rp4,bus=pcie.0,addr=0x5,chassis=4
          -drive "file=$work/state.img,if=none,id=d1,format=raw"
          -device virtio-blk-pci,drive=d1,bus=rp4,serial=isolastate
        )
        disks+=("$work/state.img")
        lab_env+=('ISOLA_LAB_STATE=isolastate' 'ISOLA_LAB_UDEV=1')
        udev=1
      fi
      ;;
    fidelity)
      # lab-ground-truth.md §1, §2a, §3a, §3b, §3d, §4 and §5f on one machine, so one boot judges
      # them all (guest/fidelity.sh; the table of addresses and groups is in README.md).
      devices=(
        -device pcie-root-port,id=rp1,bus=pcie.0,addr=0x2,chassis=1
        -device x3130-upstream,id=up1,bus=rp1
        -device xio3130-downstream,id=dn1,bus=up1,addr=0x0,chassis=11,slot=0
        -device xio3130-downstream,id=dn2,bus=up1,addr=0x1,chassis=12,slot=0
        -device e1000e,bus=dn1,romfile=
        -device e1000e,bus=dn2,romfile=
        -device pcie-root-port,id=rp2,bus=pcie.0,addr=0x3,chassis=2
        -device pcie-pci-bridge,id=br1,bus=rp2
        -device e1000,bus=br1,addr=1,romfile=
        -device e1000,bus=br1,addr=2,romfile=
        -device pcie-root-port,id=rp3,bus=pcie.0,addr=0x4,chassis=3
        -device e1000e,bus=rp3,addr=0.0,multifunction=on,romfile=
        -device e1000e,bus=rp3,addr=0.1,romfile=
        -device pcie-root-port,id=rp4,bus=pcie.0,addr=0x5,chassis=4
        -device igb,bus=rp4,addr=0.0,multifunction=on,x-pcie-ari-nextfn-1=on,romfile=
        -device igb,bus=rp4,addr=0.1,romfile=
        -device pcie-root-port,id=rp5,bus=pcie.0,addr=0x6,chassis=5
        -device igb,bus=rp5,romfile=
        -device ioh3420,id=rp6,bus=pcie.0,addr=0x7,chassis=6
        -device e1000e,bus=rp6,romfile=
        -device e1000e,bus=pcie.0,addr=0x8.0,multifunction=on,romfile=
        -device e1000e,bus=pcie.0,addr=0x8.1,romfile=
      )
      disks=()
      lab_env=()
      ;;
    *) die "unknown scenario '$1' (known: shared-bridge-disk, persist-reboot, fidelity)" ;;
  esac
}

# ---- what the lab needs on this machine: skip (77) without it, fail with CI=true ---------------
missing() { # SENTENCE [REMEDY]: the require_tool decision for a missing part that is not a command
  if [ "${CI:-}" = true ]; then say "$1; with CI=true a test of a real part fails without it"; exit 1; fi
  say "$1; skipped: ${2:-install it, or run the tests inside bash .ci/env}"
  exit 77
}
for t in "qemu-system-x86_64 qemu-system-x86" "busybox busybox-static" "cpio cpio" "xz xz-utils" "timeout coreutils"; do
  set -- $t
  require_tool "$1" "$2" || exit $?
done
if [ "$kind" = lab ]; then
  # The lab kernel: built once per source version, fragment and script (minutes), then reused.
  if [ -n "${ISOLA_LAB_KERNEL:-}" ]; then kernel=$ISOLA_LAB_KERNEL
  else
    built=0
    kernel=$(bash "$here/build_kernel.sh") || built=$?
    kernel=${kernel##*$'\n'} # its last line is the path
    case $built in
      0) ;;
      3) missing "the lab kernel cannot be built here (build_kernel.sh said why, above)" "install what it names, or run the tests inside bash .ci/env" ;;
      *) die "building the lab kernel failed (build_kernel.sh said why, above)" ;;
    esac
  fi
  [ -e "$kernel" ] || die "the lab kernel image $kernel is missing"
else
  if [ -n "${ISOLA_LAB_KVER:-}" ]; then kver=$ISOLA_LAB_KVER
  else
    kvers=(/lib/modules/*/modules.dep)
    [ -e "${kvers[0]}" ] || missing "no kernel modules in /lib/modules (Debian package linux-image-amd64)"
    kver=$(basename "$(dirname "${kvers[${#kvers[@]} - 1]}")")
    export ISOLA_LAB_KVER=$kver
  fi
  kernel=${ISOLA_LAB_KERNEL:-/boot/vmlinuz-$kver}
  [ -e "$kernel" ] || missing "the kernel image $kernel is missing (Debian package linux-image-amd64)"
fi
# Debian installs /boot/vmlinuz-* mode 0644, but some systems make it 0600 (root only).
[ -r "$kernel" ] || missing "the kernel image $kernel is not readable by $(id -un) (mode $(stat -c %a "$kernel"))" "run as root, or make it readable (chmod 0644)"

mkdir -p "$work"
work=$(cd "$work" && pwd)
scenario_devices "$scenario"
if [ "$udev" = 1 ]; then
  # udevd is udevadm under another name; libkmod is loaded at run time (dlopen) by the kmod builtin.
  require_tool udevadm udev || exit $?
  udevadm=$(command -v udevadm)
  libkmod=
  for f in /usr/lib/*-linux-gnu/libkmod.so.2; do [ -e "$f" ] && libkmod=$f; done
  [ -n "$libkmod" ] || missing "libkmod.so.2 is missing (Debian package libkmod2), which udev's kmod builtin loads"
fi
log=$work/serial.log
rm -f "$log" "$work"/serial-*.log "$work/qemu.log"

# ---- the initramfs --------------------------------------------------------------------------
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; } # for busybox sh
{
  for e in "${envs[@]}"; do
    case $e in *=*) ;; *) die "--env $e is not NAME=VALUE" ;; esac
    printf '%s=%s\n' "${e%%=*}" "$(quote "${e#*=}")"
  done
} >"$work/guest.env"
printf '%s\n' "${lab_env[@]}" >"$work/lab.env"
{
  [ -z "$payload_list" ] || cat "$payload_list"
  for f in "${files[@]}"; do
    case $f in *=*) printf '%s %s\n' "${f%%=*}" "${f#*=}" ;; *) printf '%s\n' "$f" ;; esac
  done
  if [ "$udev" = 1 ]; then printf '%s /usr/bin/udevadm\n%s\n' "$udevadm" "$libkmod"; fi
  printf '%s /lab/guest.sh\n%s /lab/lib.sh\n%s /lab/guest.env\n%s /lab/lab.env\n' "$script" "$here/guest/lib.sh" \
    "$work/guest.env" "$work/lab.env"
} >"$work/payload.list"

t0=$EPOCHREALTIME
bash "$here/make_initrd.sh" "$work/initrd.cpio.gz" "$work/payload.list"
for d in "${disks[@]}"; do rm -f "$d" && truncate -s 32M "$d"; done

# ---- the boots ------------------------------------------------------------------------------
# no_timer_check: on a busy host the TCG guest can miss the few ticks the kernel waits for while
# it checks the timer through the interrupt-remapped IO-APIC, and then panics ("timer doesn't work
# through Interrupt-remapped IO-APIC"); the check proves nothing about QEMU's emulated timer.
# With several boots each one's console also goes to serial-K.log; serial.log has them all.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
t1=$EPOCHREALTIME
boot_once() { # K: one boot of the machine; sets $status to its script's, or dies
  local k=$1 klog=/dev/null tb=$EPOCHREALTIME qemu_status
  [ "$boots" = 1 ] || { klog=$work/serial-$k.log; say "boot $k of $boots"; }
  booted= finished= status=
  set +e # the pipeline's failure is judged below, from the end marker and QEMU's status
  timeout --kill-after=5 "$timeout_s" \
    qemu-system-x86_64 -M q35,kernel-irqchip=split -accel "${ISOLA_LAB_ACCEL:-tcg}" -cpu "${ISOLA_LAB_CPU:-qemu64}" -m "$memory" -smp 1 \
    -nographic -no-reboot -net none \
    -device intel-iommu,intremap=on,caching-mode=on "${devices[@]}" \
    -kernel "$kernel" -initrd "$work/initrd.cpio.gz" \
    -append "console=ttyS0 intel_iommu=on quiet panic=-1 no_timer_check isola_lab_boot=$k${ISOLA_LAB_APPEND:+ $ISOLA_LAB_APPEND}" </dev/null 2>>"$work/qemu.log" |
    while IFS= read -r line; do
      line=${line%$'\r'}
      printf '%s\n' "$line" >>"$log"
      printf '%s\n' "$line" >>"$klog"
      case $line in
        ISOLA-LAB-BOOTED*) booted=$EPOCHREALTIME ;;
        ISOLA-LAB-EXIT\ *) finished=$EPOCHREALTIME status=${line#ISOLA-LAB-EXIT } ;;
      esac
      printf '%s\n' "$line"
    done
  qemu_status=${PIPESTATUS[0]}
  set -e
  local te=$EPOCHREALTIME of=
  [ "$boots" = 1 ] || of=" (boot $k of $boots)"
  if [ -z "$finished" ]; then
    grep -v 'has no peer' "$work/qemu.log" >&2 || true
    if [ "$qemu_status" = 124 ] || [ "$qemu_status" = 137 ]; then
      die "the guest did not finish within $timeout_s s$of (no ISOLA-LAB-EXIT line); its serial log is $log"
    fi
    if panic=$(grep -m1 'Kernel panic' "$log"); then
      die "the guest did not finish$of: its kernel panicked (${panic#*] }); its serial log is $log"
    fi
    die "the guest did not finish$of: QEMU exited with status $qemu_status before the guest script's end marker (ISOLA-LAB-EXIT); its serial log is $log, QEMU's messages are in $work/qemu.log"
  fi
  case $status in '' | *[!0-9]*) die "the guest's end marker has no status ('ISOLA-LAB-EXIT $status')$of; its serial log is $log" ;; esac
  [ "$status" != 125 ] || say "the lab's set-up inside the guest failed (status 125)$of; its serial log is $log"
  [ "$boots" = 1 ] ||
    say "boot $k of $boots: booted in $(secs "$tb" "${booted:-$finished}") s; the guest script took $(secs "${booted:-$finished}" "$finished") s; exit status $status; $(secs "$tb" "$te") s in all"
}
for ((k = 1; k <= boots; k++)); do
  boot_once "$k"
  [ "$status" = 0 ] || break
done
t2=$EPOCHREALTIME
if [ "$boots" = 1 ]; then
  say "$kind kernel $kernel: initramfs built in $(secs "$t0" "$t1") s; booted in $(secs "$t1" "${booted:-$finished}") s; the guest script took $(secs "${booted:-$finished}" "$finished") s; $(secs "$t0" "$t2") s in all (serial log: $log)"
else
  [ "$status" = 0 ] || say "boot $k of $boots ended with status $status; no further boot"
  say "$kind kernel $kernel: initramfs built in $(secs "$t0" "$t1") s; $((k > boots ? boots : k)) of $boots boots in $(secs "$t1" "$t2") s; $(secs "$t0" "$t2") s in all (serial log of every boot: $log)"
fi
exit "$status"
