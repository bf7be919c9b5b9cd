#!/usr/bin/env bash
# End-to-end test of isola-helper with real parts: the helper installed into /usr, activated by
# a private dbus-daemon of type "system", polkitd deciding, the client running as `nobody`.
#
#   run_e2e.sh CLIENT_BINARY BUILD_DIR
#
# It installs into /usr and starts root services, so it runs only inside the throw-away root
# of .ci/env (ISOLA_DISPOSABLE_ROOT=1); anywhere else it exits 77, which ctest reports as skipped.
set -uo pipefail

client_bin=$1
build=$2
skip_code=77
helper_id=org.kde.isola.helper
action_id=org.kde.isola.helper.readconfig
helper_exe=/usr/lib/kf6/kauth/libexec/isola-helper
rule=/etc/polkit-1/rules.d/50-isola-e2e.rules
change_rule=/etc/polkit-1/rules.d/50-isola-e2e-change.rules
persist_rule=/etc/polkit-1/rules.d/50-isola-e2e-persist.rules
# apply, restore and probe run against a fixture tree with a simulated kernel: the helper built
# with tests/helper/fixture_host.cpp, whose root is fixed at compile time (tests/helper/CMakeLists.txt).
fixture_helper=${ISOLA_E2E_FIXTURE_HELPER:-}
fixture_root=${ISOLA_E2E_FIXTURE_ROOT:-}
fixture_gen=${ISOLA_E2E_FIXTURE_GEN:-}
isolactl_bin=${ISOLA_E2E_ISOLACTL:-}

say() { printf 'e2e: %s\n' "$*"; }
skip() { say "SKIP: $*"; exit "$skip_code"; }
# require_tool: skip (77) without a tool, or fail with CI=true.
. "$(dirname "${BASH_SOURCE[0]}")/../support/require_tool.sh"

# The tools first: with CI=true a missing one fails the test wherever it runs.
for tool_package in dbus-daemon:dbus-daemon dbus-send:dbus-bin dbus-monitor:dbus-bin setpriv:util-linux \
                    timeout:coreutils pkcheck:polkitd /usr/lib/polkit-1/polkitd:polkitd; do
  require_tool "${tool_package%:*}" "${tool_package##*:}" || exit $?
done
# Skips about this machine, not about a missing tool.
[ "${ISOLA_DISPOSABLE_ROOT:-0}" = 1 ] ||
  skip "this test installs into /usr and runs dbus-daemon and polkitd as root, so it runs only in the disposable root: bash .ci/env ctest --test-dir $build -R helper.e2e"
[ "$(id -u)" = 0 ] || skip "needs root inside the disposable root"

# A device of this host to read, and one that is well-formed but absent.
bdf=
for dev in /sys/bus/pci/devices/*; do [ -r "$dev/config" ] && { bdf=${dev##*/}; break; }; done
[ -n "$bdf" ] || skip "this machine has no PCI devices in /sys/bus/pci/devices"
absent=0000:42:00.0
[ -e "/sys/bus/pci/devices/$absent" ] && absent=ffff:ff:1f.7

rm -f "$rule" "$change_rule" "$persist_rule"  # steps (1), (7) and (12) need polkit's default answer
work=$(mktemp -d /tmp/isola-helper-e2e.XXXXXX)
chmod 0755 "$work"  # polkitd drops to its own user and must still reach the bus socket
bus_pid= polkit_pid= monitor_pid= failed=1

bus() { timeout 10 dbus-send --system --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus "$@"; }
helper_pid() { bus org.freedesktop.DBus.GetConnectionUnixProcessID "string:$helper_id" 2>/dev/null | awk '{print $2}'; }
has_owner() { bus org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q true; }

# The helper outlives the bus (and is not our child: dbus-daemon started it), so ask the bus
# for its PID and stop it by that PID, never by name.
stop_helper() {
  local pid
  pid=$(helper_pid) || true
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  [ -n "$bus_pid" ] && stop_helper
  [ -n "$monitor_pid" ] && kill "$monitor_pid" 2>/dev/null
  [ -n "$polkit_pid" ] && kill "$polkit_pid" 2>/dev/null
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
  wait 2>/dev/null
  if [ "$failed" = 1 ] && [ "$status" != "$skip_code" ]; then
    rm -rf "$build/helper-e2e-logs" && mkdir -p "$build/helper-e2e-logs" && cp "$work"/*.log "$build/helper-e2e-logs/"
    say "all logs kept in $build/helper-e2e-logs"
    for log in install dbus polkitd client monitor; do
      [ -s "$work/$log.log" ] && { say "---- $log.log"; tail -n 60 "$work/$log.log"; }
    done
  fi
  rm -rf "$work" "$rule" "$change_rule" "$persist_rule"  # a second run in the same root must start denied again
  [ -n "$fixture_root" ] && rm -rf "$fixture_root"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { say "FAIL: $*"; exit 1; }

# ---- install the helper, its D-Bus files and its polkit policy into this root's /usr ---------
# Debian's KAuth writes Exec=/usr/lib/kf6/kauth/libexec/... into the .service whatever the
# prefix, so /usr is the only prefix that can work.
timeout 60 cmake --install "$build" --component isola-helper --prefix /usr >"$work/install.log" 2>&1 ||
  fail "cmake --install of component isola-helper failed"
for f in "$helper_exe" "/usr/share/dbus-1/system-services/$helper_id.service" \
         "/usr/share/dbus-1/system.d/$helper_id.conf" "/usr/share/polkit-1/actions/$helper_id.policy"; do
  [ -e "$f" ] || fail "$f was not installed"
done
grep -qx "Exec=$helper_exe" "/usr/share/dbus-1/system-services/$helper_id.service" ||
  fail "the .service file does not start $helper_exe"

# ---- a private system bus: Debian's default policy, our servicedir, no setuid launch helper --
cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$work/bus.sock</listen>
  <auth>EXTERNAL</auth>
  <servicedir>/usr/share/dbus-1/system-services</servicedir>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
  </policy>
  <policy user="root">  <!-- dbus-monitor, for the failure log -->
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Monitoring"/>
  </policy>
  <includedir>/usr/share/dbus-1/system.d</includedir>
</busconfig>
CONF

export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus.sock
# Exported before dbus-daemon starts so the activated helper inherits it; its log lines reach
# the client as KAuth debug messages and dbus-daemon's stderr.
export QT_LOGGING_RULES="kf.auth*=true;isola.*=true"
# The helper says the reports of apply, restore and probe in the caller's locale, from the build's
# catalogs (the installed helper finds them in /usr/share/locale). Set by root, not by a caller.
cp -r "$build/locale" "$work/locale" && chmod -R a+rX "$work/locale"
export ISOLA_LOCALEDIR=$work/locale
dbus-daemon --config-file="$work/bus.conf" --nofork --nopidfile >"$work/dbus.log" 2>&1 &
bus_pid=$!
for _ in $(seq 50); do [ -S "$work/bus.sock" ] && break; sleep 0.1; done
[ -S "$work/bus.sock" ] || fail "dbus-daemon did not create $work/bus.sock"

# Every message to and from the helper, for the failure log.
timeout 280 dbus-monitor --system "sender=$helper_id" "destination=$helper_id" >"$work/monitor.log" 2>&1 &
monitor_pid=$!

/usr/lib/polkit-1/polkitd --no-debug >"$work/polkitd.log" 2>&1 &
polkit_pid=$!
for _ in $(seq 100); do has_owner org.freedesktop.PolicyKit1 && break; sleep 0.1; done
has_owner org.freedesktop.PolicyKit1 || fail "polkitd did not take org.freedesktop.PolicyKit1"

# ---- the client, as nobody ----------------------------------------------------------------------
cp "$client_bin" "$work/client" && chmod 0755 "$work/client"
client_env=()  # extra VAR=VALUE for the client's environment (its locale)
run_client() {
  printf '\n== client %s %s\n' "${client_env[*]}" "$*" >>"$work/client.log"
  timeout -k 5 60 setpriv --reuid=65534 --regid=65534 --clear-groups -- env HOME="$work" "${client_env[@]}" \
    "$work/client" "$@" 2>>"$work/client.log" | tee -a "$work/client.log"
}
expect_line() {  # expect_line OUTPUT REGEX WHAT
  grep -qE -- "$2" <<<"$1" || fail "$3: expected a line matching '$2', got: ${1:-<nothing>}"
}
expect_sentence() {  # expect_sentence OUTPUT CODE REFUSAL SENTENCE (REFUSAL: the typed refusal's kind, or none)
  grep -qxF -- "call 1: error=$2 $(sed -nE 's/^call 1: error=[0-9]+ (ms=[0-9.]+) .*/\1/p' <<<"$1") refusal=$3 sentence=$4" \
    <<<"$1" || fail "expected error $2, refusal $3 and the sentence '$4', got: ${1:-<nothing>}"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
call_ms() { sed -nE 's/.* ms=([0-9.]+) .*/\1/p'; }

say "device $bdf (vendor $(cat /sys/bus/pci/devices/$bdf/vendor)); absent device $absent"
say "as nobody without the helper, the kernel serves $(setpriv --reuid=65534 --regid=65534 --clear-groups -- cat "/sys/bus/pci/devices/$bdf/config" | wc -c) bytes of its config space"

# (1) no polkit rule: denied; KAuth gives error 4 with no text, the client supplies the sentence.
out=$(run_client "$bdf")
expect_sentence "$out" 4 none "Isola's helper was not authorised to read the configuration of $bdf (polkit denied $action_id); ask an administrator or run the scan as root."
say "(1) denied without a rule: ok"

# (2) a rule allowing the action for nobody: the helper reads the config space as root.
# allow_nobody RULE_FILE ACTION_ID...: a polkit rule saying yes to nobody for these actions; then
# wait until polkitd (which reloads rules on an inotify event) answers yes for every one of them,
# rather than sleeping. Every id is asked: a rewritten rule that adds an action to ones already
# allowed would otherwise pass on the old rule before polkitd has reloaded (CI saw that race).
allow_nobody() {
  local file=$1 ids= id; shift
  for id in "$@"; do ids+="${ids:+ || }action.id == \"$id\""; done
  mkdir -p /etc/polkit-1/rules.d
  printf 'polkit.addRule(function(action, subject) {\n    if ((%s) && subject.user == "nobody") {\n        return polkit.Result.YES;\n    }\n});\n' \
    "$ids" >"$file"
  for id in "$@"; do
    for _ in $(seq 100); do
      setpriv --reuid=65534 --regid=65534 --clear-groups -- sh -c "exec pkcheck --action-id $id --process \$\$" \
        >/dev/null 2>&1 && continue 2
      sleep 0.1
    done
    fail "polkitd did not take the rule $file for $id"
  done
}
allow_nobody "$rule" "$action_id"

vendor=$(cat "/sys/bus/pci/devices/$bdf/vendor")  # "0x8086"; config space is little-endian
head=${vendor:4:2}${vendor:2:2}
size=$(stat -c %s "/sys/bus/pci/devices/$bdf/config")  # 256 or 4096: what root may read

cold=()
for i in 1 2 3 4 5; do
  stop_helper  # next call bus-activates a fresh helper: a cold call
  out=$(run_client "$bdf")
  expect_line "$out" "^call 1: error=0 ms=[0-9.]+ length=$size head=$head\$" "(2) allowed call $i"
  cold+=("$(call_ms <<<"$out")")
done
# Spaced by 100 ms: back-to-back calls hit a KAuth 6.13 race (see e2e_client.cpp) and hang.
out=$(run_client --repeat 11 --gap-ms 100 "$bdf")
[ "$(grep -cE "^call [0-9]+: error=0 ms=[0-9.]+ length=$size head=$head\$" <<<"$out")" = 11 ] ||
  fail "(2) 11 warm calls should all succeed, got: $out"
warm_ms=$(grep -vE '^call 1:' <<<"$out" | call_ms | median)
cold_ms=$(printf '%s\n' "${cold[@]}" | median)
(( size >= 64 )) || fail "(2) the helper read only $size bytes"
# The helper's audit line (callerUid) reaches the client as a KAuth debug message.
grep -q "readconfig requested by uid 65534" "$work/client.log" || fail "(2) the helper did not log the caller's uid 65534"
say "(2) allowed by a rule: $size bytes, first two $head = vendor $vendor: ok"
say "latency: cold (bus activation + polkit) median ${cold_ms} ms of ${cold[*]}; warm median ${warm_ms} ms of 10"

# (3) not a PCI address: the helper's code and typed refusal arrive, and the client says it.
out=$(run_client 0000:zz:00.0)
expect_sentence "$out" 102 not-a-pci-address 'isola-helper: "0000:zz:00.0" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)'
say "(3) bad address refused by the helper: ok"

# (4) well-formed, but no such device on this host.
out=$(run_client "$absent")
expect_sentence "$out" 103 no-such-device "isola-helper: no PCI device $absent on this host"
say "(4) absent device refused by the helper: ok"

# (5) an argument the action does not take.
out=$(run_client --arg path=/etc/shadow "$bdf")
expect_sentence "$out" 101 unknown-argument 'isola-helper: unknown argument "path"; readconfig takes only "bdf"'
# The helper's log and error text stay English; the words above were the client's.
grep -q 'readconfig refused (101): isola-helper: unknown argument "path"; readconfig takes only "bdf"' "$work/client.log" ||
  fail "(5) the helper did not log its refusal in English"
say "(5) unknown argument refused by the helper: ok"

# (6) the same refusal said in the client's language: German, from the build's catalogs.
client_env=(LC_ALL=de_DE.UTF-8 LANGUAGE= ISOLA_LOCALEDIR="$work/locale")
out=$(run_client "$absent")
expect_sentence "$out" 103 no-such-device "isola-helper: kein PCI-Gerät $absent auf diesem Host"
out=$(run_client --arg path=/etc/shadow "$bdf")
expect_sentence "$out" 101 unknown-argument 'isola-helper: unbekanntes Argument „path“; readconfig nimmt nur „bdf“ an'
client_env=()
say "(6) refusals in the client's German: ok"

# ---- apply, restore and probe: the helper on a fixture host with a simulated kernel ------------
[ -n "$fixture_helper" ] && [ -n "$fixture_root" ] && [ -n "$fixture_gen" ] && [ -n "$isolactl_bin" ] ||
  fail "ISOLA_E2E_FIXTURE_HELPER, _ROOT, _GEN and ISOLA_E2E_ISOLACTL must be set (ctest sets them)"
rm -rf "$fixture_root"
"$fixture_gen" "$(dirname "${BASH_SOURCE[0]}")/../apply/apply-lab.json" "$fixture_root" >>"$work/install.log" 2>&1 ||
  fail "isola-fixture-gen could not write the fixture host into $fixture_root"
# modprobe vfio-pci, as the fixture helper's simulated kernel also does when it starts.
mkdir -p "$fixture_root/sys/bus/pci/drivers/vfio-pci"
for knob in bind unbind new_id remove_id; do : >"$fixture_root/sys/bus/pci/drivers/vfio-pci/$knob"; done
# A plain file where the container node would be: the probe's first ioctl meets it as the kernel
# answers an ioctl on a file (ENOTTY), through the helper's real KernelVfioCalls.
mkdir -p "$fixture_root/dev/vfio" && : >"$fixture_root/dev/vfio/vfio"
chmod -R a+rX "$fixture_root"
install -m 0755 "$fixture_helper" "${helper_exe}-fixture"
sed -i "s|^Exec=.*|Exec=${helper_exe}-fixture|" "/usr/share/dbus-1/system-services/$helper_id.service"
stop_helper  # the next call activates the fixture helper
# isolactl loads its helper client module from its own directory (app/cli/helper_client_module.hpp):
# step (11) goes through it.
cp "$isolactl_bin" "$work/isolactl" && chmod 0755 "$work/isolactl"
cp "$(dirname "$isolactl_bin")/isolactl-helper-client.so" "$work/" && chmod 0644 "$work/isolactl-helper-client.so" ||
  fail "isolactl's helper client module is not beside $isolactl_bin"
isolactl_as_nobody() {
  timeout -k 5 120 setpriv --reuid=65534 --regid=65534 --clear-groups -- env HOME="$work" "${client_env[@]}" \
    "$work/isolactl" "$@" 2>&1
}
pci=$fixture_root/sys/bus/pci/devices
drivers() { for d in 0000:02:01.0 0000:02:02.0 0000:03:00.0; do printf '%s=%s ' "$d" "$(basename "$(readlink "$pci/$d/driver" 2>/dev/null || echo none)")"; done; }
at_start=$(drivers)
[ "$at_start" = "0000:02:01.0=e1000 0000:02:02.0=e1000 0000:03:00.0=igb " ] || fail "(7) the fixture host starts as $at_start"
tree_sum() { find "$fixture_root" -path "$fixture_root/var" -prune -o -printf '%p %l %s\n' | sort | md5sum; }
untouched=$(tree_sum)
pair="0000:02:01.0 0000:02:02.0"
fp=$(isolactl_as_nobody plan 02:01.0 02:02.0 --vm win11 --root "$fixture_root" --json | sed -nE 's/.*"fingerprint": "([0-9a-f]{16})".*/\1/p')
[ -n "$fp" ] || fail "(7) isolactl plan --json gave no fingerprint"
apply_args=(--arg "devices=$pair" --arg vm=win11 --arg backend=legacy --arg "fingerprint=$fp" --arg locale=C)

# (7) no rule for apply: polkit's default (auth_admin, no agent to ask) says no.
out=$(run_client --action apply "${apply_args[@]}")
expect_line "$out" "^call 1: error=4 ms=[0-9.]+ sentence=Isola's helper was not authorised to hand $pair to the VM \"win11\" \(polkit denied org.kde.isola.helper.apply\); ask an administrator, or run isolactl apply as root.\$" "(7) apply without a rule"
[ "$(tree_sum)" = "$untouched" ] || fail "(7) a denied apply changed the fixture host"
say "(7) apply denied without a rule: ok"

allow_nobody "$change_rule" org.kde.isola.helper.apply org.kde.isola.helper.restore org.kde.isola.helper.probe

# (8) bad input to every action: the helper's sentence, and nothing changes.
expect_refusal() {  # expect_refusal WHAT CODE SENTENCE ACTION ARGS...
  local what=$1 code=$2 sentence=$3; shift 3
  local got; got=$(run_client --action "$@")
  grep -qxF -- "call 1: error=$code $(sed -nE 's/^call 1: error=[0-9]+ (ms=[0-9.]+) .*/\1/p' <<<"$got") sentence=$sentence" <<<"$got" ||
    fail "(8) $what: expected error $code and '$sentence', got: ${got:-<nothing>}"
}
expect_refusal "a path for an address" 102 'isola-helper: "0000:02:01.0/../../../etc" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)' \
  apply --arg "devices=0000:02:01.0/../../../etc" --arg vm=win11 --arg backend=legacy --arg "fingerprint=$fp" --arg locale=C
expect_refusal "a VM name with a newline" 101 'isola-helper: argument "vm" of apply is "win\x0a11", which is not a VM name of at most 64 letters, digits, '"'.', '_', '+' or '-', not starting with '-'" \
  apply --arg "devices=$pair" --arg "vm=win
11" --arg backend=legacy --arg "fingerprint=$fp" --arg locale=C
expect_refusal "an unknown backend" 101 'isola-helper: argument "backend" of probe is "vfio", which is not legacy or iommufd' \
  probe --arg bdf=0000:02:01.0 --arg backend=vfio --arg locale=C
expect_refusal "a locale that is a path" 101 'isola-helper: argument "locale" of restore is "../../tmp/x", which is not a locale name such as de_DE.UTF-8, fr or C' \
  restore --arg devices= --arg locale=../../tmp/x
expect_refusal "an absent device" 103 "isola-helper: no PCI device 0000:02:03.0 on this host" \
  apply --arg "devices=0000:02:03.0" --arg vm=win11 --arg backend=legacy --arg "fingerprint=$fp" --arg locale=C
expect_refusal "a missing fingerprint" 101 'isola-helper: apply needs the argument "fingerprint" (the fingerprint of an approved plan: 16 hexadecimal digits, as isolactl plan prints it)' \
  apply --arg "devices=$pair" --arg vm=win11 --arg backend=legacy --arg locale=C
[ "$(tree_sum)" = "$untouched" ] || fail "(8) a refused call changed the fixture host"
say "(8) malformed addresses, names, backends, locales, absent devices and missing arguments refused; nothing changed: ok"

# (9) a stale fingerprint: the helper re-plans and refuses before any write, in the caller's German.
client_env=(LC_ALL=de_DE.UTF-8 LANGUAGE= ISOLA_LOCALEDIR="$work/locale")
out=$(run_client --action apply --arg "devices=$pair" --arg vm=win11 --arg backend=legacy --arg fingerprint=0123456789abcdef --arg locale=de_DE.UTF-8)
client_env=()
expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=refused progress=0\$" "(9) stale fingerprint"
expect_line "$out" "^line: .*nicht mehr so, wie er war" "(9) the refusal in German"
[ "$(tree_sum)" = "$untouched" ] || fail "(9) a stale apply changed the fixture host"
say "(9) stale fingerprint refused by the helper, in German: ok"

# (9b) recover: denied without its own rule (apply's does not cover it); with it, a host with no
# interrupted change is told so and nothing changes. (Putting one back: helper_change_test.)
out=$(run_client --action recover --arg locale=C)
expect_line "$out" "^call 1: error=4 ms=[0-9.]+ sentence=Isola's helper was not authorised to put back the change of Isola's that was interrupted \(polkit denied org.kde.isola.helper.recover\); ask an administrator, or run isolactl status as root, which puts it back too.\$" "(9b) recover without its rule"
allow_nobody "$change_rule" org.kde.isola.helper.apply org.kde.isola.helper.restore org.kde.isola.helper.probe org.kde.isola.helper.recover
out=$(run_client --action recover --arg locale=C)
expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=done progress=0\$" "(9b) recover"
expect_line "$out" "^line: No change of Isola's was interrupted on this host; there is nothing to put back.\$" "(9b) recover says nothing was interrupted"
[ "$(tree_sum)" = "$untouched" ] || fail "(9b) recover changed the fixture host"
say "(9b) recover denied without its rule, and with it says nothing was interrupted: ok"

# (10) apply, probe, restore — three times, for the latency.
apply_ms=() restore_ms=()
for i in 1 2 3; do
  out=$(run_client --action apply "${apply_args[@]}")
  expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=done progress=6\$" "(10) apply $i"
  expect_line "$out" "^line: 2 devices are now on vfio-pci for \"win11\": " "(10) apply $i says what it did"
  [ "$(drivers)" = "0000:02:01.0=vfio-pci 0000:02:02.0=vfio-pci 0000:03:00.0=igb " ] || fail "(10) after apply $i: $(drivers)"
  apply_ms+=("$(call_ms <<<"$out")")
  if [ "$i" = 1 ]; then
    status=$(isolactl_as_nobody status --root "$fixture_root")
    grep -q '^0000:02:01.0 \[8086:100e\] for "win11" since .*; it was on e1000$' <<<"$status" || fail "(10) isolactl status: $status"
    out=$(run_client --action probe --arg bdf=0000:02:01.0 --arg backend=legacy --arg locale=C)
    expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=failed progress=0\$" "(10) probe"
    expect_line "$out" "^line: .* in IOMMU group 4: the kernel refused VFIO_GET_API_VERSION with ENOTTY\$" "(10) probe on the fixture's plain-file /dev"
  fi
  sleep 0.1
  out=$(run_client --action restore --arg devices= --arg locale=C)
  expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=done progress=[0-9]+\$" "(10) restore $i"
  [ "$(drivers)" = "$at_start" ] || fail "(10) after restore $i: $(drivers)"
  restore_ms+=("$(call_ms <<<"$out")")
  sleep 0.1
done
[ ! -e "$fixture_root/var/lib/isola/journal.json" ] || fail "(10) a journal is left"
say "(10) apply (6 writes, 6 progress steps), status, probe, restore through the helper: ok"
say "latency: apply median $(printf '%s\n' "${apply_ms[@]}" | median) ms of ${apply_ms[*]}; restore median $(printf '%s\n' "${restore_ms[@]}" | median) ms of ${restore_ms[*]}"

# (11) isolactl itself as nobody on this root's real host goes through the helper (which acts on
# its fixture): restore finds nothing moved; probe finds the device back on e1000.
out=$(isolactl_as_nobody restore); st=$?
[ "$st" = 0 ] && grep -qx "Isola has moved no device on this host; there is nothing to restore." <<<"$out" || fail "(11) isolactl restore as nobody (exit $st): $out"
out=$(isolactl_as_nobody probe 0000:02:01.0); st=$?
[ "$st" = 5 ] && grep -q ") is on e1000, not vfio-pci: apply it first (isolactl apply 0000:02:01.0 --vm NAME)$" <<<"$out" ||
  fail "(11) isolactl probe as nobody (exit $st): $out"
say "(11) isolactl as nobody goes through the helper: ok"

# (12) persist and unpersist: denied without their own rule (apply's does not cover them); with
# one, the helper writes the boot-time binding under the fixture's /etc, moves nothing now, and
# unpersist leaves every file of /etc as it was (a directory persist made, such as
# /etc/udev/rules.d on this bare fixture, stays: every real host has it).
etc_sum() { find "$fixture_root/etc" \( -type f -o -type l \) -printf '%p %l %s\n' 2>/dev/null | sort | md5sum; }
etc_before=$(etc_sum)
out=$(run_client --action persist "${apply_args[@]}")
expect_line "$out" "^call 1: error=4 ms=[0-9.]+ sentence=Isola's helper was not authorised to bind $pair to vfio-pci at boot for the VM \"win11\" \(polkit denied org.kde.isola.helper.persist\); ask an administrator, or run isolactl persist as root.\$" "(12) persist without a rule"
[ "$(etc_sum)" = "$etc_before" ] || fail "(12) a denied persist changed /etc"
allow_nobody "$persist_rule" org.kde.isola.helper.persist org.kde.isola.helper.unpersist
expect_refusal "a path for an address to persist" 102 'isola-helper: "../../etc/passwd" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)' \
  persist --arg "devices=0000:02:01.0 ../../etc/passwd" --arg vm=win11 --arg backend=legacy --arg "fingerprint=$fp" --arg locale=C
expect_refusal "a file to unpersist" 101 'isola-helper: unknown argument "file"; unpersist takes only "devices" and "locale"' \
  unpersist --arg devices= --arg locale=C --arg file=/etc/shadow
[ "$(etc_sum)" = "$etc_before" ] || fail "(12) a refused persist changed /etc"
rules=$fixture_root/etc/udev/rules.d/60-isola-vfio.rules
out=$(run_client --action persist "${apply_args[@]}")
expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=done progress=0\$" "(12) persist"
expect_line "$out" "^line: 2 devices are bound to vfio-pci at boot for \"win11\", by Isola's udev rule \(/etc/udev/rules.d/60-isola-vfio.rules\): 0000:02:01.0 and 0000:02:02.0.\$" "(12) persist says what it did"
grep -qF 'ACTION=="add", SUBSYSTEM=="pci", KERNEL=="0000:02:02.0", ATTR{driver_override}="vfio-pci", RUN{builtin}+="kmod load vfio-pci", ' "$rules" || fail "(12) the udev rule: $(cat "$rules" 2>&1)"
[ "$(drivers)" = "$at_start" ] || fail "(12) persist moved a device now: $(drivers)"
status=$(isolactl_as_nobody status --root "$fixture_root")
grep -qx 'Isola binds 2 devices to vfio-pci at boot:' <<<"$status" || fail "(12) isolactl status after persist: $status"
sleep 0.1
out=$(run_client --action unpersist --arg devices= --arg locale=C)
expect_line "$out" "^call 1: error=0 ms=[0-9.]+ outcome=done progress=0\$" "(12) unpersist"
expect_line "$out" "^line: 2 devices boot on their host drivers again: 0000:02:01.0 and 0000:02:02.0.\$" "(12) unpersist says what it did"
[ "$(etc_sum)" = "$etc_before" ] || fail "(12) unpersist did not leave /etc as it was"
[ ! -e "$fixture_root/var/lib/isola/persisted.json" ] && [ ! -e "$fixture_root/var/lib/isola/persist-journal.json" ] ||
  fail "(12) unpersist left its record or journal: $(ls "$fixture_root/var/lib/isola")"
# isolactl as nobody goes through the helper for unpersist too; the record is empty now.
out=$(isolactl_as_nobody unpersist); st=$?
[ "$st" = 0 ] && grep -qx "Isola binds no device at boot; there is nothing to unpersist." <<<"$out" || fail "(12) isolactl unpersist as nobody (exit $st): $out"
say "(12) persist and unpersist through the helper: denied without a rule, bad input refused, the udev rule written and removed, /etc as it was: ok"

# (13) the GUI: its plan panel applies the plan and restores through the helper, as nobody, and
# the window reads the host again after each (the fixture helper changed the fixture's drivers).
if [ -n "${ISOLA_E2E_GUI:-}" ]; then
  cp "$ISOLA_E2E_GUI" "$work/isola-gui-e2e" && chmod 0755 "$work/isola-gui-e2e"
  # The root port above 03:00.0 hides its config space from nobody, as the kernel hides all past
  # byte 64: the inspector must offer the helper's full read, and the read must settle the group.
  port_config=$fixture_root/sys/devices/pci0000:00/0000:00:03.0/config
  chmod 0600 "$port_config"
  out=$(timeout -k 5 240 setpriv --reuid=65534 --regid=65534 --clear-groups -- env HOME="$work" QT_QPA_PLATFORM=offscreen \
          XDG_RUNTIME_DIR="$work" "$work/isola-gui-e2e" "$fixture_root" 2>>"$work/client.log"); st=$?
  chmod 0644 "$port_config"
  printf '\n== gui\n%s\n' "$out" >>"$work/client.log"
  [ "$st" = 0 ] || fail "(13) the GUI's full read, apply and restore (exit $st): $out"
  expect_line "$out" '^full read offered: .* from 1 function\(s\): 0000:00:03\.0\. ' "(13) the inspector offers the full read"
  expect_line "$out" '^why before: The prediction agrees with the kernel, but rests on facts that could not be read ' "(13) uncertain before the full read"
  expect_line "$out" '^full read: done$' "(13) the helper's readconfig from the inspector"
  expect_line "$out" '^why after: none$' "(13) the explanation is certain after the full read"
  expect_line "$out" '^port acs after: capability 005f, control 001d \(SrcValid ReqRedir CmpltRedir UpstreamFwd\)$' "(13) the port's ACS as the helper read it"
  expect_line "$out" '^offered after: no$' "(13) nothing left to read"
  expect_line "$out" '^apply: outcome=done$' "(13) GUI apply"
  expect_line "$out" '^line: 2 devices are now on vfio-pci for "win11": ' "(13) GUI apply says what it did"
  expect_line "$out" '^after apply: 0000:02:01.0=vfio-pci 0000:02:02.0=vfio-pci$' "(13) the GUI reads the host again after apply"
  expect_line "$out" '^changes: 0000:02:01.0 \[8086:100e\] for "win11" since .*; it was on e1000$' "(13) the GUI's Changes tab after apply"
  expect_line "$out" '^restore: outcome=done$' "(13) GUI restore"
  expect_line "$out" '^after restore: 0000:02:01.0=e1000 0000:02:02.0=e1000$' "(13) the GUI reads the host again after restore"
  [ "$(drivers)" = "$at_start" ] || fail "(13) after the GUI's restore: $(drivers)"
  say "(13) the GUI reads a hidden config space through the helper, its plan panel applies and restores as nobody, and it follows the host: ok"
fi

failed=0
say "PASS"
