#!/usr/bin/env bash
# The real application on a real X server: isola started under Xvfb (xcb, not the offscreen
# platform the QtTest tests use) on two demo hosts, light and dark, each grabbing its window with
# --screenshot once the graph is laid out and painted. Checks each PNG: written, the window's size
# (80 % of the 1920×1200 screen), and not a blank frame. The PNGs stay in OUT_DIR to look at; the
# AppStream screenshots (resources/app/screenshots) are taken this way.
#   xvfb-run -a -s "-screen 0 1920x1200x24 -dpi 96" bash xvfb_screenshots.sh ISOLA OUT_DIR
# (ctest runs it so, as gui-xvfb-screenshots: one X server for both.)
set -uo pipefail
isola=$1 out=$2
mkdir -p "$out"
fail() { printf 'xvfb-screenshots: FAIL: %s\n' "$*"; exit 1; }
[ -n "${DISPLAY:-}" ] || fail "no X display: run it under xvfb-run (see the top of this script)"

# png_facts FILE: "WIDTH HEIGHT BYTES" from the IHDR chunk (bytes 16-23, big-endian).
png_facts() {
  local hex; hex=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
  [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
  printf '%d %d %d\n' "0x${hex:0:8}" "0x${hex:8:8}" "$(stat -c %s "$1")"
}

shoot() {  # shoot NAME ARGS...
  local name=$1; shift
  local png=$out/$name.png
  rm -f "$png"
  local start=$(date +%s%N)
  timeout -k 5 120 env QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 LANGUAGE= "$isola" "$@" --screenshot "$png" >"$out/$name.log" 2>&1 ||
    fail "$name: isola exited $? ($(tail -3 "$out/$name.log"))"
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local facts; facts=$(png_facts "$png") || fail "$name: $png is not a PNG"
  read -r w h bytes <<<"$facts"
  [ "$w" = 1536 ] && [ "$h" = 960 ] || fail "$name: the window is ${w}×${h}, expected 1536×960 (80 % of the screen)"
  # A blank or half-painted grab compresses to a few kilobytes; the window with its graph does not.
  [ "$bytes" -gt 60000 ] || fail "$name: $png has only $bytes bytes: a blank window?"
  printf 'xvfb-screenshots: %s: %s×%s, %s bytes, %s ms from start to the saved grab\n' "$name" "$w" "$h" "$bytes" "$ms"
}

shoot b550-light --demo b550-gpu-in-chipset-group --select 0000:04:00.0
shoot raptorlake-dark --demo raptorlake-sriov-plx-switch --dark
printf 'xvfb-screenshots: ok\n'
