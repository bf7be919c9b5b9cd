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

rm -f "$rule"  # step (1) needs polkit's default answer
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
  rm -rf "$work" "$rule"  # a second run in the same root must start denied again
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
mkdir -p /etc/polkit-1/rules.d
cat >"$rule" <<RULE
polkit.addRule(function(action, subject) {
    if (action.id == "$action_id" && subject.user == "nobody") {
        return polkit.Result.YES;
    }
});
RULE
# polkitd reloads rules on an inotify event; wait until it answers yes rather than sleeping.
for _ in $(seq 100); do
  setpriv --reuid=65534 --regid=65534 --clear-groups -- sh -c "exec pkcheck --action-id $action_id --process \$\$" \
    >/dev/null 2>&1 && break
  sleep 0.1
done

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
cp -r "$build/locale" "$work/locale" && chmod -R a+rX "$work/locale"
client_env=(LC_ALL=de_DE.UTF-8 LANGUAGE= ISOLA_LOCALEDIR="$work/locale")
out=$(run_client "$absent")
expect_sentence "$out" 103 no-such-device "isola-helper: kein PCI-Gerät $absent auf diesem Host"
out=$(run_client --arg path=/etc/shadow "$bdf")
expect_sentence "$out" 101 unknown-argument 'isola-helper: unbekanntes Argument „path“; readconfig nimmt nur „bdf“ an'
client_env=()
say "(6) refusals in the client's German: ok"

failed=0
say "PASS"
