#!/usr/bin/env bash
# make_initrd.sh OUT.cpio[.gz] PAYLOAD_LIST
#
# Builds the kernel lab's initramfs: busybox-static with its applets, the Debian kernel's modules
# the lab needs (decompressed, in load order; none for the lab kernel, which has everything built
# in), /init (tests/lab/init.sh) and the payload.
#
# PAYLOAD_LIST names host files to copy into the guest, one a line (see README.md):
#   HOST_PATH [GUEST_PATH]     GUEST_PATH defaults to HOST_PATH; '#' starts a comment
# A directory is copied whole. An ELF executable or library also brings every shared library
# `ldd` lists and the dynamic loader, at the paths ldd names, so an ASan+UBSan build runs as on
# the host (its debug information stripped, see ISOLA_LAB_KEEP_DEBUG). Paths may not contain
# whitespace.
#
# Environment:
#   ISOLA_LAB_KERNEL_KIND  debian (default): the modules of Debian's kernel, as below;
#                      lab: the lab's own kernel (build_kernel.sh), no modules at all, so /lib/modules
#                      is not needed and ISOLA_LAB_KVER / ISOLA_LAB_MODULES are ignored
#   ISOLA_LAB_KVER     kernel release whose modules to use (default: the only one in /lib/modules)
#   ISOLA_LAB_MODULES  modules to load, in order; each one's dependencies (modules.dep) come first
#                      and built-in ones are skipped
#   ISOLA_LAB_KEEP_DEBUG=1  keep payload executables' debug information (file:line in sanitizer
#                      reports; slower to pack and boot), which is stripped otherwise
#
# Writes OUT gzip-compressed when its name ends in .gz (gzip -1: the guest decompresses it under
# TCG, where a stronger level buys nothing), plain cpio otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { printf 'make_initrd: %s\n' "$*" >&2; exit 2; }

[ $# -eq 2 ] || die "usage: make_initrd.sh OUT.cpio.gz PAYLOAD_LIST"
out=$1 list=$2
[ -r "$list" ] || die "the payload list $list cannot be read"

# Crypto crc32c first: jbd2 and ext4 ask for it at mount time (modules.softdep), and crc32c-intel
# needs SSE4.2, which QEMU's default TCG CPU lacks. virtio_pci is built into Debian's kernel.
# igb/igbvf (QEMU igb, an 82576 with SR-IOV) bring dca and i2c-algo-bit, nvme brings nvme-core and
# nvme-auth, through modules.dep.
modules=${ISOLA_LAB_MODULES:-irqbypass vfio vfio_iommu_type1 vfio-pci-core vfio-pci e1000 e1000e igb igbvf
  nvme virtio_pci virtio_blk crc32c_generic crc16 mbcache jbd2 ext4}

kind=${ISOLA_LAB_KERNEL_KIND:-debian}
case $kind in
  debian) ;;
  lab) modules= ;; # everything is built into the lab kernel (tests/lab/kernel/lab.config)
  *) die "ISOLA_LAB_KERNEL_KIND is '$kind'; it must be debian or lab" ;;
esac

if [ "$kind" = lab ]; then moddir=
else
  if [ -n "${ISOLA_LAB_KVER:-}" ]; then kver=$ISOLA_LAB_KVER
  else
    kvers=(/lib/modules/*/modules.dep)
    [ -e "${kvers[0]}" ] || die "no kernel modules in /lib/modules (Debian package linux-image-amd64)"
    [ ${#kvers[@]} -eq 1 ] || die "several kernels in /lib/modules; choose one with ISOLA_LAB_KVER"
    kver=$(basename "$(dirname "${kvers[0]}")")
  fi
  moddir=/lib/modules/$kver
  [ -r "$moddir/modules.dep" ] || die "$moddir/modules.dep is missing (Debian package linux-image-$kver)"
fi

busybox=$(command -v busybox) || die "busybox is not installed (Debian package busybox-static)"
# A dynamically linked busybox would need its libraries too; the lab wants the static one.
if ldd "$busybox" >/dev/null 2>&1; then die "$busybox is dynamically linked; install busybox-static"; fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/isola-initrd.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# Debian's merged /usr, so that the paths ldd prints (/lib/x86_64-linux-gnu/…, /lib64/ld-…) land
# where the loader looks for them.
mkdir -p "$stage"/usr/{bin,sbin,lib,lib64} "$stage"/{dev,proc,sys,tmp,run,mnt,lab,etc,root}
for d in bin sbin lib lib64; do ln -s "usr/$d" "$stage/$d"; done
chmod 1777 "$stage/tmp"

# busybox and a link per applet, under /usr whatever busybox's own layout says.
cp "$busybox" "$stage/usr/bin/busybox"
while read -r applet; do
  rel=${applet#/}; rel=${rel#usr/}
  [ "$rel" = bin/busybox ] || [ -e "$stage/usr/$rel" ] || ln -s /usr/bin/busybox "$stage/usr/$rel"
done < <("$busybox" --list-full)

# Minimal /etc so that getpwuid(0) and the like answer.
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$stage/etc/passwd"
printf 'root:x:0:\n' >"$stage/etc/group"

# ---- modules -------------------------------------------------------------------------------
declare -A dep_of=() done_mod=()
if [ -n "$moddir" ]; then
  while IFS=: read -r path deps; do
    name=${path##*/}; name=${name%%.ko*}; dep_of[${name//-/_}]="$path:$deps"
  done <"$moddir/modules.dep"
fi
builtin_mod() { grep -q "/${1//_/[-_]}\.ko\$" "$moddir/modules.builtin" 2>/dev/null; }

order=()
add_module_path() { # a path as modules.dep writes it; its own dependencies come first
  local path=$1 name entry i
  name=${path##*/}; name=${name%%.ko*}; name=${name//-/_}
  [ -z "${done_mod[$name]:-}" ] || return 0
  entry=${dep_of[$name]}
  # modules.dep lists the whole closure, deepest last: load in reverse.
  local -a deps
  read -ra deps <<<"${entry#*:}"
  for ((i = ${#deps[@]} - 1; i >= 0; i--)); do add_module_path "${deps[i]}"; done
  done_mod[$name]=1
  order+=("$path")
}
for m in $modules; do
  key=${m//-/_}
  if [ -n "${dep_of[$key]:-}" ]; then add_module_path "${dep_of[$key]%%:*}"
  elif builtin_mod "$key"; then :
  else die "module $m is neither in $moddir/modules.dep nor built into kernel $kver"; fi
done

# The load order is always there, empty for the lab kernel.
mkdir -p "$stage/usr/lib/modules" ${moddir:+"$stage$moddir"}
: >"$stage/lib/modules/isola-load-order"
for path in "${order[@]}"; do
  src=$moddir/$path dst=$stage$moddir/${path%.xz}; dst=${dst%.zst}; dst=${dst%.gz}
  mkdir -p "$(dirname "$dst")"
  case $src in
    *.xz) xz -dc "$src" >"$dst" ;;
    *.zst) zstd -dcq "$src" >"$dst" ;;
    *.gz) gzip -dc "$src" >"$dst" ;;
    *) cp "$src" "$dst" ;;
  esac
  printf '%s\n' "${dst#"$stage"}" >>"$stage/lib/modules/isola-load-order"
done
# The index files a real system has (modules.dep, modules.alias, …, over the modules copied here,
# and the kernel's list of built-in ones), so that libkmod — udev's kmod builtin, in a guest with
# udev — finds a module by name or alias as on a host, and knows one that is already loaded.
if [ -n "$moddir" ] && command -v depmod >/dev/null; then
  for f in modules.builtin modules.builtin.modinfo modules.order; do
    [ ! -r "$moddir/$f" ] || cp "$moddir/$f" "$stage$moddir/$f"
  done
  depmod -b "$stage" "$kver" 2>/dev/null || die "depmod -b $stage $kver failed"
fi

# ---- payload --------------------------------------------------------------------------------
copy_file() { # HOST GUEST: the file's content (symlinks followed), mode kept
  mkdir -p "$(dirname "$stage$2")"
  cp -L --preserve=mode "$1" "$stage$2"
}
is_elf() { [ -f "$1" ] && [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }
copy_libraries() { # every library ldd resolves for HOST, and the loader, at the paths ldd prints
  local line lib
  local out
  out=$(ldd "$1" 2>/dev/null) || return 0 # static: nothing to bring
  while read -r line; do
    case $line in
      *'=> not found'*) die "$1 needs ${line%% *}, which ldd does not find on this machine" ;;
      *'=> /'*) lib=${line#*=> }; lib=${lib%% (*} ;;
      /*) lib=${line%% (*} ;;
      *) continue ;; # linux-vdso.so.1
    esac
    [ -e "$stage$lib" ] || copy_file "$lib" "$lib"
  done <<<"$out"
}

while read -r host guest rest; do
  case $host in '' | '#'*) continue ;; esac
  [ -z "$rest" ] || die "payload line '$host $guest $rest' has more than two paths (no whitespace in paths)"
  guest=${guest:-$host}
  [ "${guest#/}" != "$guest" ] || die "guest path $guest in $list is not absolute"
  [ -e "$host" ] || die "payload file $host (listed in $list) does not exist"
  if [ -d "$host" ]; then
    mkdir -p "$stage$guest"; cp -RL "$host/." "$stage$guest/"
  else
    copy_file "$host" "$guest"
    if is_elf "$host"; then
      # A build's DWARF is most of its size (isolactl in the ci preset: 130 MB, 44 MB without);
      # the symbol table stays, so sanitizer reports still name the functions.
      if [ "${ISOLA_LAB_KEEP_DEBUG:-0}" != 1 ] && command -v strip >/dev/null; then
        strip --strip-debug "$stage$guest" || die "strip --strip-debug $host failed"
      fi
      copy_libraries "$host"
    fi
  fi
done <"$list"

# libpci names devices from pci.ids; isolactl in the guest says names as on the host.
if [ -r /usr/share/misc/pci.ids ] && [ ! -e "$stage/usr/share/misc/pci.ids" ]; then
  copy_file /usr/share/misc/pci.ids /usr/share/misc/pci.ids
fi

# /init last, so a payload cannot replace it by accident.
install -m 0755 "$here/init.sh" "$stage/init"

mkdir -p "$(dirname "$out")"
case $out in
  *.gz) (cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1 >"$out" ;;
  *) (cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) >"$out" ;;
esac
