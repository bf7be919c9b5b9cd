#!/usr/bin/env bash
# build_kernel.sh
#
# Builds the kernel lab's own kernel — Debian's linux-source-6.12 with `make ARCH=x86_64
# tinyconfig` plus tests/lab/kernel/lab.config: everything the lab uses built in (no modules), and
# both VFIO paths, the legacy container and iommufd's cdev (/dev/iommu, /dev/vfio/devices/vfioN),
# which Debian's packaged kernel lacks — or reuses the one already built, and prints the path of
# its bzImage as the last line on stdout. Everything else goes to stderr.
#
# Cache: ${ISOLA_CACHE:-/var/cache/isola}/lab-kernel/<key>/{bzImage,config,build.log}, where key
# is the first 16 hex digits of the SHA-256 of the linux-source-6.12 package version, the fragment
# and this script, so a change to any of them builds a new kernel. The build runs in a scratch
# directory next to it (.build.<key>.*) and is renamed into place only when complete, so an
# interrupted build is never used (and is removed by the next run); a lock (lab-kernel/.lock)
# makes a second caller wait for the first one's kernel instead of building it again. After a
# successful build the other keys' kernels are removed.
#
# After olddefconfig, every option the fragment sets =y must be =y in the final .config and every
# "is not set" one must be off; otherwise the build stops naming them (usually a dependency that
# tinyconfig turned off and the fragment does not name).
#
# Needs (all in the Debian 13 build root, so run it through bash .ci/env): linux-source-6.12
# (/usr/src/linux-source-6.12.tar.xz), make, gcc, flex, bison, bc, perl, xz, libelf-dev.
# Takes 10 to 20 minutes on 2 cores (measured: see README.md, "Kernels").
#
# Exit status: 0 with the path printed; 1 when the configuration or the build failed; 3 when the
# source or a build tool is missing (run_guest.sh turns that into a skip, or a failure with CI=true).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self=$here/build_kernel.sh
fragment=$here/kernel/lab.config
source_pkg=linux-source-6.12
tarball=/usr/src/$source_pkg.tar.xz
say() { printf 'isola lab kernel: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
missing() { say "$*"; exit 3; }

[ $# -eq 0 ] || { say "usage: build_kernel.sh (no arguments; see the head of $self)"; exit 1; }
[ -r "$fragment" ] || die "the configuration fragment $fragment cannot be read"

# ---- what the build needs ------------------------------------------------------------------------
command -v dpkg-query >/dev/null || missing "dpkg-query is not installed, so the version of $source_pkg cannot be known; build the lab kernel inside bash .ci/env"
version=$(dpkg-query -W -f='${Version}' "$source_pkg" 2>/dev/null) && [ -n "$version" ] ||
  missing "the Debian package $source_pkg is not installed; install it, or build the lab kernel inside bash .ci/env"
[ -r "$tarball" ] || missing "the kernel source $tarball is missing although $source_pkg $version is installed; reinstall $source_pkg"
for t in "make make" "gcc gcc" "ld binutils" "flex flex" "bison bison" "bc bc" "perl perl-base" "xz xz-utils" "tar tar" "flock util-linux" "sha256sum coreutils"; do
  set -- $t
  command -v "$1" >/dev/null || missing "$1 is not installed (Debian package $2); it is needed to build the lab kernel"
done
# objtool (x86_64 always builds it) links libelf.
[ -r /usr/include/gelf.h ] || missing "libelf's headers (/usr/include/gelf.h) are missing (Debian package libelf-dev); objtool needs them to build the lab kernel"

key=$({ printf '%s\n' "$version"; cat "$fragment"; cat "$self"; } | sha256sum | cut -c1-16)
cache=${ISOLA_CACHE:-/var/cache/isola}/lab-kernel
final=$cache/$key
mkdir -p "$cache" || die "the cache directory $cache cannot be created"

exec 9>"$cache/.lock"
if ! flock -n 9; then
  say "another run is building or checking the lab kernel in $cache; waiting"
  flock 9
fi

if [ -r "$final/bzImage" ]; then
  say "using the lab kernel $key ($source_pkg $version), built before"
  printf '%s\n' "$final/bzImage"
  exit 0
fi

# Scratch directories of interrupted builds (we hold the lock: nobody else is using them).
rm -rf "$cache"/.build.*
scratch=$(mktemp -d "$cache/.build.$key.XXXXXX")
log=$cache/last-failed-build.log
trap 'rm -rf "$scratch"' EXIT
src=$scratch/src out=$scratch/out
mkdir -p "$src" "$out" "$scratch/result"
t0=$EPOCHREALTIME
fail() { # SENTENCE: keep the log, show its end
  cp "$scratch/build.log" "$log" 2>/dev/null || true
  tail -n 40 "$scratch/build.log" >&2 2>/dev/null || true
  die "$1; the whole log is $log"
}

say "building the lab kernel $key from $source_pkg $version with $(nproc) jobs (10 to 20 minutes on 2 cores); log: $scratch/build.log"
tar -xJf "$tarball" -C "$src" --strip-components=1 >>"$scratch/build.log" 2>&1 || fail "unpacking $tarball failed"
# Fixed build user and host, so the banner names no machine.
kmake() { make -C "$src" O="$out" ARCH=x86_64 KBUILD_BUILD_USER=isola KBUILD_BUILD_HOST=lab "$@" >>"$scratch/build.log" 2>&1; }

kmake tinyconfig || fail "make tinyconfig failed"
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$fragment" >>"$scratch/build.log" 2>&1 ||
  fail "merging $fragment into the tinyconfig failed"
kmake olddefconfig || fail "make olddefconfig failed"

# Every =y of the fragment must have survived olddefconfig, and every "is not set" must be off.
lost=() unwanted=()
while IFS= read -r line; do
  case $line in
    CONFIG_*=y) grep -qx -- "$line" "$out/.config" || lost+=("${line%=y}") ;;
    '# CONFIG_'*' is not set') opt=${line#\# }; opt=${opt%% *}
      ! grep -q "^$opt=" "$out/.config" || unwanted+=("$opt") ;;
  esac
done <"$fragment"
[ ${#lost[@]} -eq 0 ] ||
  die "these options of $fragment are not =y after olddefconfig (a dependency is off; name it in the fragment): ${lost[*]}"
[ ${#unwanted[@]} -eq 0 ] ||
  die "these options that $fragment turns off are on after olddefconfig (something selects them): ${unwanted[*]}"

kmake -j"$(nproc)" bzImage || fail "the kernel build (make bzImage) failed"
t1=$EPOCHREALTIME

cp "$out/arch/x86/boot/bzImage" "$scratch/result/bzImage"
cp "$out/.config" "$scratch/result/config"
cp "$scratch/build.log" "$scratch/result/build.log"
rm -rf "$final" # only a partial copy by hand could be there: the lock is ours and bzImage was not
mv "$scratch/result" "$final"

# Older keys' kernels (and a failed build's log) are of no more use.
for d in "$cache"/*; do
  [ "$d" = "$final" ] && continue
  case ${d##*/} in
    [0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f] | last-failed-build.log)
      rm -rf "$d" ;;
  esac
done

say "built the lab kernel $key ($(make -s -C "$src" O="$out" ARCH=x86_64 kernelrelease 2>/dev/null), $(stat -c %s "$final/bzImage") bytes) in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }') s"
printf '%s\n' "$final/bzImage"
