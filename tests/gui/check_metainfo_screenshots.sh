#!/usr/bin/env bash
# Every <image> of the AppStream metainfo names a PNG in resources/app/screenshots (by its URL's
# file name) whose IHDR size is the width and height the metainfo gives; every PNG there is named.
#   check_metainfo_screenshots.sh METAINFO SCREENSHOT_DIR
set -uo pipefail
metainfo=$1 dir=$2 status=0 seen=()
while read -r w h name; do
  png=$dir/$name
  seen+=("$name")
  if [ ! -f "$png" ]; then echo "metainfo-screenshots: $name is named in $metainfo but not in $dir"; status=1; continue; fi
  [ "$(od -An -tx1 -N8 "$png" | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "metainfo-screenshots: $png is not a PNG"; status=1; continue; }
  hex=$(od -An -tx1 -j16 -N8 "$png" | tr -d ' \n')
  size="$((16#${hex:0:8}))x$((16#${hex:8:8}))"
  [ "$size" = "${w}x${h}" ] || { echo "metainfo-screenshots: $name is $size, the metainfo says ${w}x${h}"; status=1; }
done < <(sed -nE 's|.*<image[^>]* width="([0-9]+)" height="([0-9]+)"[^>]*>[^<]*/([^/<]+\.png)</image>.*|\1 \2 \3|p' "$metainfo")
[ "${#seen[@]}" -gt 0 ] || { echo "metainfo-screenshots: $metainfo names no screenshot"; status=1; }
for png in "$dir"/*.png; do
  name=$(basename "$png")
  [[ " ${seen[*]} " == *" $name "* ]] || { echo "metainfo-screenshots: $png is not named in $metainfo"; status=1; }
done
[ "$status" = 0 ] && echo "metainfo-screenshots: ${#seen[@]} screenshots, each the PNG of its size: ok"
exit "$status"
