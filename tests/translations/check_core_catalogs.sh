#!/usr/bin/env bash
# Every sentence of the core (and isolactl) is translated in every language, and nothing else is:
# the msgids xgettext finds in the sources are exactly those of translations/core/<lang>/*.po,
# none untranslated or fuzzy, and msgfmt --check accepts each catalog (placeholders and plural
# forms included).
set -euo pipefail
top=${1:?usage: check_core_catalogs.sh SOURCE_DIR WORK_DIR}
work=${2:?}
mkdir -p "$work"
. "$top/tests/support/require_tool.sh"
require_tool xgettext gettext || exit $?
require_tool msgcmp gettext || exit $?
"$top/translations/extract-core-messages" "$work/isola.pot"
status=0
for dir in "$top"/translations/core/*/; do
  lang=$(basename "$dir")
  msgcat --use-first -o "$work/$lang.po" "$dir"*.po
  # Every msgid of the sources has a translation here (untranslated and fuzzy count as missing).
  if ! msgcmp "$work/$lang.po" "$work/isola.pot" 2>"$work/$lang.missing"; then
    echo "$lang: sentences without a translation:"; cat "$work/$lang.missing"; status=1
  fi
  # And the catalog holds nothing the sources no longer say.
  if ! msgcmp --use-untranslated "$work/isola.pot" "$work/$lang.po" 2>"$work/$lang.obsolete"; then
    echo "$lang: translations of sentences the sources no longer have:"; cat "$work/$lang.obsolete"; status=1
  fi
  msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1 | sed "s/^/$lang: /"
  msgfmt --check -o /dev/null "$work/$lang.po" || status=1
done
exit $status
