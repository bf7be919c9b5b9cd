#!/bin/sh
# /init of the kernel lab's guest (busybox sh, PID 1; installed by make_initrd.sh).
#
# Mounts the kernel's file systems, loads the modules in /lib/modules/isola-load-order (none on
# the lab kernel), sets up what the scenario asks for in /lab/lab.env (a state disk that keeps
# /etc/udev, /etc/modprobe.d and /var/lib/isola from boot to boot, udev with a coldplug of the PCI
# bus, a formatted and mounted data disk, a configured NIC), runs /lab/guest.sh as root with the
# variables of /lab/guest.env and ISOLA_LAB_BOOT (which boot of run_guest.sh --boots this is,
# from isola_lab_boot=K on the kernel command line; 1 without it), prints
#   ISOLA-LAB-EXIT <status>
# on the console (run_guest.sh waits for this line) and powers off. A failure of the lab's own
# set-up is reported with status 125, so it is never mistaken for a verdict of the guest script.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root

say() { echo "isola-lab: $*"; }
finish() {
  echo "ISOLA-LAB-EXIT $1"
  sync
  # The state disk: its ext2 clean for the next boot (udevd holds its log file open, so a busy
  # unmount just stays mounted; the sync above has written everything).
  if grep -q ' /state ' /proc/mounts; then
    udevadm control --exit >/dev/null 2>&1
    umount /var/lib/isola /etc/modprobe.d /etc/udev 2>/dev/null
    umount /state 2>/dev/null
  fi
  poweroff -f
  while :; do sleep 60; done # PID 1 must not return, even if poweroff failed
}
setup_failed() {
  say "the lab's set-up failed: $*"
  dmesg | tail -n 30
  finish 125
}
uptime_s() { cut -d' ' -f1 /proc/uptime; }

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
ln -sf /proc/self/fd /dev/fd
t_init=$(uptime_s)

# Debian's kernel: its modules, dependencies first. The lab kernel has everything built in, so its
# load order is empty (or absent).
if [ -r /lib/modules/isola-load-order ]; then
  while read -r ko; do
    [ -n "$ko" ] || continue
    insmod "$ko" || setup_failed "insmod $ko failed (is it built for $(uname -r)?)"
  done </lib/modules/isola-load-order
fi

t_modules=$(uptime_s)
ip link set lo up || setup_failed "the loopback interface did not come up"

ISOLA_LAB_DISK= ISOLA_LAB_NET= ISOLA_LAB_STATE= ISOLA_LAB_UDEV=
[ -r /lab/lab.env ] && . /lab/lab.env
ISOLA_LAB_BOOT=1
for word in $(cat /proc/cmdline); do
  case $word in isola_lab_boot=*) ISOLA_LAB_BOOT=${word#isola_lab_boot=} ;; esac
done
export ISOLA_LAB_BOOT

# wait_for TEST_COMMAND...: up to 10 s for a device that its driver registers asynchronously.
wait_for() {
  n=0
  while ! "$@"; do
    n=$((n + 1))
    [ $n -le 100 ] || return 1
    usleep 100000
  done
}

# serial_of BLOCK: a virtio-blk disk's serial (QEMU's serial=), empty without one.
serial_of() { cat "/sys/block/$1/serial" 2>/dev/null; }

if [ -n "$ISOLA_LAB_STATE" ]; then # SERIAL: the virtio-blk disk with that serial, ext2 at /state
  state_vd() {
    for b in /sys/block/vd*; do
      [ -e "$b" ] && [ "$(serial_of "${b##*/}")" = "$ISOLA_LAB_STATE" ] && state=/dev/${b##*/} && [ -b "$state" ] && return 0
    done
    return 1
  }
  wait_for state_vd || setup_failed "no virtio-blk disk with serial $ISOLA_LAB_STATE (the state disk) appeared in /sys/block"
  mkdir -p /state
  if ! mount -t ext2 "$state" /state 2>/dev/null; then
    # Formatted on the first boot only: on a later one, a state disk without a file system means
    # the previous boot's state is lost, and the test would judge nothing.
    [ "$ISOLA_LAB_BOOT" = 1 ] || setup_failed "the state disk $state has no ext2 file system at boot $ISOLA_LAB_BOOT"
    mke2fs -q "$state" >/dev/null || setup_failed "mke2fs $state (the state disk) failed"
    mount -t ext2 "$state" /state || setup_failed "mounting the state disk $state (ext2) at /state failed"
    say "$state (state disk) formatted ext2"
  fi
  # What a host keeps on its root file system: udev's and modprobe's configuration, Isola's state.
  for pair in etc-udev:/etc/udev etc-modprobe.d:/etc/modprobe.d var-lib-isola:/var/lib/isola; do
    src=/state/${pair%%:*} dst=${pair#*:}
    mkdir -p "$src" "$dst" || setup_failed "cannot create $src or $dst"
    mount --bind "$src" "$dst" || setup_failed "binding $src onto $dst failed"
  done
  mkdir -p /etc/udev/rules.d || setup_failed "cannot create /etc/udev/rules.d on the state disk"
  say "$state (state disk) mounted at /state: /etc/udev, /etc/modprobe.d and /var/lib/isola are kept from boot to boot"
fi

if [ "$ISOLA_LAB_UDEV" = 1 ]; then # systemd-udevd, then a coldplug of the PCI bus as at a real boot
  # udevd is udevadm under the name systemd-udevd; the rules it reads are /etc/udev/rules.d's
  # (the state disk's, when there is one), no distribution rules. Its debug log goes to
  # /state/udevd-boot-K.log (or /run/udevd.log), and is printed when the coldplug fails.
  mkdir -p /usr/lib/systemd /run/udev /etc/udev/rules.d
  ln -sf /usr/bin/udevadm /usr/lib/systemd/systemd-udevd
  udev_log=/run/udevd.log
  [ -z "$ISOLA_LAB_STATE" ] || udev_log=/state/udevd-boot-$ISOLA_LAB_BOOT.log
  SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_COLOR=0 /usr/lib/systemd/systemd-udevd --debug >"$udev_log" 2>&1 &
  udev_running() { udevadm control --ping >/dev/null 2>&1; }
  wait_for udev_running || { cat "$udev_log"; setup_failed "systemd-udevd did not start (its log is above)"; }
  udevadm trigger --action=add --subsystem-match=pci || setup_failed "udevadm trigger --action=add --subsystem-match=pci failed"
  udevadm settle --timeout=30 || { tail -n 40 "$udev_log"; setup_failed "udevadm settle timed out after 30 s (udevd's log is above)"; }
  say "udev: systemd-udevd running, PCI coldplug settled at $(uptime_s) s (rules: $(ls /etc/udev/rules.d | tr '\n' ' ')); its log: $udev_log"
fi

if [ -n "$ISOLA_LAB_DISK" ]; then # "virtio": the first virtio-blk disk (not the state disk), ext2 at /mnt/data
  first_vd() {
    for b in /sys/block/vd*; do
      [ -e "$b" ] && { [ -z "$ISOLA_LAB_STATE" ] || [ "$(serial_of "${b##*/}")" != "$ISOLA_LAB_STATE" ]; } &&
        disk=/dev/${b##*/} && [ -b "$disk" ] && return 0
    done
    return 1
  }
  wait_for first_vd || setup_failed "no virtio-blk disk appeared in /sys/block"
  mke2fs -q "$disk" >/dev/null || setup_failed "mke2fs $disk failed"
  mkdir -p /mnt/data
  mount -t ext2 "$disk" /mnt/data || setup_failed "mounting $disk (ext2) at /mnt/data failed"
  say "$disk formatted ext2 and mounted at /mnt/data"
fi

if [ -n "$ISOLA_LAB_NET" ]; then # "DRIVER ADDRESS/PREFIX GATEWAY": the NIC that DRIVER drives
  set -- $ISOLA_LAB_NET
  net_driver=$1 net_address=$2 net_gateway=$3
  nic_of_driver() {
    for n in /sys/class/net/*; do
      [ "$(basename "$(readlink "$n/device/driver" 2>/dev/null)")" = "$net_driver" ] && nic=${n##*/} && return 0
    done
    return 1
  }
  wait_for nic_of_driver || setup_failed "no network interface is driven by $net_driver"
  ip addr add "$net_address" dev "$nic" || setup_failed "ip addr add $net_address dev $nic failed"
  ip link set "$nic" up || setup_failed "ip link set $nic up failed"
  ip route add default via "$net_gateway" dev "$nic" || setup_failed "the default route via $net_gateway failed"
  say "$nic ($net_driver) up with $net_address, default route via $net_gateway"
fi

say "uptime: /init started at $t_init s, modules loaded at $t_modules s, set-up done at $(uptime_s) s"
echo "ISOLA-LAB-BOOTED $(uptime_s)"
status=0
if [ -r /lab/guest.sh ]; then
  # A subshell: the script's `exit` and its variables stay its own.
  (
    set -a
    [ -r /lab/guest.env ] && . /lab/guest.env
    set +a
    cd /
    exec sh /lab/guest.sh </dev/null
  )
  status=$?
else
  say "no guest script (/lab/guest.sh) in the initramfs"
  status=125
fi
say "the guest script finished at uptime $(uptime_s) s"
finish $status
