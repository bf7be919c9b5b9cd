#!/bin/sh
# /init of the kernel lab's guest (busybox sh, PID 1; installed by make_initrd.sh).
#
# Mounts the kernel's file systems, loads the modules in /lib/modules/isola-load-order (none on
# the lab kernel), sets up what the scenario asks for in /lab/lab.env (a formatted and mounted data
# disk, a configured NIC), runs /lab/guest.sh as root with the variables of /lab/guest.env, prints
#   ISOLA-LAB-EXIT <status>
# on the console (run_guest.sh waits for this line) and powers off. A failure of the lab's own
# set-up is reported with status 125, so it is never mistaken for a verdict of the guest script.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root

say() { echo "isola-lab: $*"; }
finish() {
  echo "ISOLA-LAB-EXIT $1"
  sync
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

ISOLA_LAB_DISK= ISOLA_LAB_NET=
[ -r /lab/lab.env ] && . /lab/lab.env

# wait_for TEST_COMMAND...: up to 10 s for a device that its driver registers asynchronously.
wait_for() {
  n=0
  while ! "$@"; do
    n=$((n + 1))
    [ $n -le 100 ] || return 1
    usleep 100000
  done
}

if [ -n "$ISOLA_LAB_DISK" ]; then # "virtio": the first virtio-blk disk, ext2 at /mnt/data
  first_vd() { for b in /sys/block/vd*; do [ -e "$b" ] && disk=/dev/${b##*/} && [ -b "$disk" ] && return 0; done; return 1; }
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
