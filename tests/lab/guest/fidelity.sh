#!/bin/sh
# lab.fidelity, inside the guest (scenario fidelity; busybox sh, root; the Debian kernel or the
# lab kernel). Every topology of lab-ground-truth.md §1–§5 on one machine, and Isola's predictions
# held against the kernel: isola-lab-judge prints one row of the fidelity table per check and
# exits 1 when Isola and the kernel disagree. The script goes on after a disagreement, so the
# table is whole, and exits 1 at the end when any row said no.
#
# Environment: ISOLACTL, JUDGE (guest paths of isolactl and isola-lab-judge),
# ISOLA_LAB_KERNEL_NAME (which kernel, for the table; its release is added here).
set -u
export ISOLA_LAB_KERNEL_NAME="${ISOLA_LAB_KERNEL_NAME:-guest} $(uname -r)"

disagreements=0
fail() { echo "lab.fidelity: FAILED: $*"; echo "lab.fidelity: dmesg (last 20 lines):"; dmesg | tail -n 20; exit 1; }
ok() { echo "lab.fidelity: ok: $*"; }
judge() { "$JUDGE" "$@" || { [ $? = 1 ] || fail "isola-lab-judge $* could not judge"; disagreements=$((disagreements + 1)); }; }
. /lab/lib.sh

# under PORT VENDOR DEVICE: the functions with these sysfs IDs below the bridge PORT, in order.
under() {
  for d in "$pci"/*; do
    case $(readlink -f "$d") in */"$1"/*) ;; *) continue ;; esac
    [ "$(cat "$d/vendor")" = "$2" ] && [ "$(cat "$d/device")" = "$3" ] && echo "${d##*/}"
  done
}
one() { [ -n "$1" ] || fail "$2 is not on the guest's bus"; echo "$1"; }

# to_vfio BDF / to_host BDF DRIVER: the libvirt way by hand, for the half-moved states Isola itself
# never makes (it moves whole groups); the driver link is read back, never the write's status.
to_vfio() {
  echo vfio-pci >"$pci/$1/driver_override"
  [ -e "$pci/$1/driver" ] && echo "$1" >"$pci/$1/driver/unbind"
  echo "$1" >/sys/bus/pci/drivers_probe 2>/dev/null
  [ "$(driver_of "$1")" = vfio-pci ] || fail "$1 did not move to vfio-pci (it is on $(driver_of "$1"))"
}
to_host() {
  echo >"$pci/$1/driver_override"
  [ -e "$pci/$1/driver" ] && echo "$1" >"$pci/$1/driver/unbind"
  echo "$1" >/sys/bus/pci/drivers_probe 2>/dev/null
  [ "$(driver_of "$1")" = "$2" ] || fail "$1 did not return to $2 (it is on $(driver_of "$1"))"
}

# ---- the machine (run_guest.sh's scenario fidelity) ----------------------------------------------
set -- $(under 0000:00:02.0 0x8086 0x10d3)
[ $# = 2 ] || fail "expected two e1000e behind the switch on 00:02.0, found: $*"
sw_a=$1 sw_b=$2
set -- $(under 0000:00:03.0 0x8086 0x100e)
[ $# = 2 ] || fail "expected two e1000 behind the pcie-pci-bridge on 00:03.0, found: $*"
br_a=$1 br_b=$2
set -- $(under 0000:00:04.0 0x8086 0x10d3)
[ $# = 2 ] || fail "expected two e1000e functions behind 00:04.0, found: $*"
mf_a=$1 mf_b=$2
set -- $(under 0000:00:05.0 0x8086 0x10c9)
[ $# = 2 ] || fail "expected two igb functions behind 00:05.0, found: $*"
igb_a=$1 igb_b=$2
pf=$(one "$(under 0000:00:06.0 0x8086 0x10c9)" "the igb SR-IOV PF behind 00:06.0")
noacs=$(one "$(under 0000:00:07.0 0x8086 0x10d3)" "the e1000e behind the ioh3420 root port 00:07.0")
rciep_a=0000:00:08.0 rciep_b=0000:00:08.1
for d in $rciep_a $rciep_b; do [ -e "$pci/$d" ] || fail "the RC-integrated e1000e $d is missing"; done
iommufd=no
[ -c /dev/iommu ] && iommufd=yes
ok "machine: switch $sw_a $sw_b; bridge $br_a $br_b; e1000e mf $mf_a $mf_b; igb mf $igb_a $igb_b; PF $pf; ioh3420 $noacs; RCiEP $rciep_a $rciep_b; iommufd: $iommufd"
backends=legacy
[ $iommufd = yes ] && backends="legacy iommufd"

"$JUDGE" state /tmp/state-at-boot || fail "isola-lab-judge state could not write /tmp/state-at-boot"

# ---- what Isola reads, and the grouping its rules predict ----------------------------------------
judge scan "scan at boot: every group and driver"
judge explain "explain: the whole host's grouping"
judge group "§1 switch without ACS: endpoint 1 with its downstream port" "$sw_a"
judge group "§1 switch without ACS: endpoint 2 with its downstream port" "$sw_b"
judge group "§2 pcie-pci-bridge: both e1000 and the bridge" "$br_a"
judge group "§3a e1000e multifunction, no ACS: one group" "$mf_a"
judge group "§3b igb multifunction (82576 ACS quirk): function 0 alone" "$igb_a"
judge group "§3b igb multifunction (82576 ACS quirk): function 1 alone" "$igb_b"
judge group "§3d Intel RC-integrated multifunction: function 0 alone" "$rciep_a"
judge group "§5 ioh3420 root port without ACS: port and endpoint" "$noacs"
judge group "§4 SR-IOV PF before VFs" "$pf"

# ---- attach: what Isola expects VFIO to answer, against VFIO's own answer -----------------------
to_vfio "$br_a"
for b in $backends; do judge attach "§2 one e1000 on vfio-pci, its group-mate on e1000 ($b)" "$br_a" "$b"; done
to_vfio "$br_b"
for b in $backends; do judge attach "§2 both e1000 on vfio-pci ($b)" "$br_a" "$b"; done
group=$(group_of "$br_a")
sleep 600 3<>"/dev/vfio/$group" &
holder=$!
usleep 300000
for b in $backends; do judge attach "§2 group $group held open by another process ($b)" "$br_b" "$b"; done
kill $holder; wait $holder 2>/dev/null
[ $iommufd = yes ] && judge split "§2 group-mates on two IOAS of one iommufd" "$br_a" "$br_b"
to_host "$br_a" e1000
to_host "$br_b" e1000

to_vfio "$mf_a"
for b in $backends; do judge attach "§3a e1000e function 0 on vfio-pci, function 1 on e1000e ($b)" "$mf_a" "$b"; done
to_host "$mf_a" e1000e
to_vfio "$igb_a"
for b in $backends; do judge attach "§3b igb function 0 on vfio-pci, function 1 on igb ($b)" "$igb_a" "$b"; done
to_vfio "$igb_b"
[ $iommufd = yes ] && judge split "§3b igb functions in two groups on two IOAS" "$igb_a" "$igb_b"
to_host "$igb_a" igb
to_host "$igb_b" igb
to_vfio "$sw_a"
for b in $backends; do judge attach "§1 switch endpoint on vfio-pci, its port on pcieport, the other on e1000e ($b)" "$sw_a" "$b"; done
to_host "$sw_a" e1000e
to_vfio "$noacs"
for b in $backends; do judge attach "§5 endpoint on vfio-pci behind the ioh3420 port on pcieport ($b)" "$noacs" "$b"; done
to_host "$noacs" e1000e

# ---- SR-IOV: VFs in their own groups, one on vfio-pci while the PF stays on igb -----------------
echo 2 >"$pci/$pf/sriov_numvfs" || fail "echo 2 > $pf/sriov_numvfs failed"
set -- $(ls -d "$pci/$pf"/virtfn* 2>/dev/null)
[ $# = 2 ] || fail "$pf has $# VFs after echo 2 > sriov_numvfs"
vf0=$(basename "$(readlink "$1")")
judge scan "scan with 2 VFs: every group and driver"
judge group "§4 SR-IOV VF 0 alone" "$vf0"
to_vfio "$vf0"
for b in $backends; do judge attach "§4 VF 0 on vfio-pci, the PF on igb ($b)" "$vf0" "$b"; done
to_host "$vf0" igbvf
echo 0 >"$pci/$pf/sriov_numvfs" || fail "echo 0 > $pf/sriov_numvfs failed"

# ---- VFs created and removed while Isola scans: every scan reads the host ------------------------
(
  n=0
  while [ $n -lt 40 ]; do
    echo 4 >"$pci/$pf/sriov_numvfs"; echo 0 >"$pci/$pf/sriov_numvfs"; n=$((n + 1))
  done
) &
churn=$!
scans=0 good=0 saw=0
# Eight scans: each costs an ASan process under TCG (about 3 s); the VFs churn until they end.
while kill -0 $churn 2>/dev/null && [ $scans -lt 8 ]; do
  scans=$((scans + 1))
  if "$ISOLACTL" scan --json >/tmp/churn-scan.json 2>/tmp/churn-scan.err; then
    good=$((good + 1))
    grep -q 'disappeared while\|listed it again' /tmp/churn-scan.json && saw=$((saw + 1))
  else echo "lab.fidelity: scan $scans during the VF churn failed: $(head -c 400 /tmp/churn-scan.err)"; fi
done
kill $churn 2>/dev/null; wait $churn 2>/dev/null
echo 0 >"$pci/$pf/sriov_numvfs"
[ $scans -gt 0 ] || fail "the VF churn ended before a scan could start"
if [ $good = $scans ]; then agree=yes; else agree=no; disagreements=$((disagreements + 1)); fi
fidelity_row "VFs created and removed during isolactl scan" "every scan reads the host" "$good of $scans scans read it while 4 VFs came and went ($saw saw functions vanish mid-read)" "$agree"

# ---- the product's own path: apply, both probes, restore, the host as it was ------------------
out=$("$ISOLACTL" apply "$br_a" --vm lab --confirm 2>&1) || fail "isolactl apply $br_a failed: $out"
for d in "$br_a" "$br_b"; do [ "$(driver_of "$d")" = vfio-pci ] || fail "after apply $d is on $(driver_of "$d")"; done
for b in $backends; do
  out=$("$ISOLACTL" probe "$br_a" --backend "$b" 2>&1); status=$?
  echo "lab.fidelity: [probe $b] $out"
  if [ $status = 0 ]; then agree=yes; else agree=no; disagreements=$((disagreements + 1)); fi
  fidelity_row "isolactl apply, then probe ($b)" "the whole group on vfio-pci, attach works" "isolactl probe exit $status" "$agree"
done
out=$("$ISOLACTL" restore 2>&1) || fail "isolactl restore failed: $out"
"$JUDGE" state /tmp/state-at-end || fail "isola-lab-judge state could not write /tmp/state-at-end"
judge same "every test above, then isolactl restore: the host as at boot" /tmp/state-at-boot /tmp/state-at-end
judge scan "scan at the end: every group and driver"

echo "lab.fidelity: $disagreements disagreement(s)"
[ $disagreements = 0 ]
