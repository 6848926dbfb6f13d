#!/usr/bin/env bash
# Generate docs/recommendations.md from the amendment drafts in laws/kz/drafts/.
#
#   scripts/recommendations.sh [-o FILE] [--as-of YYYY-MM-DD]
#
# For each draft (one recommendation of the NGO statement each), the script runs
#   siracusa diff --amend DRAFT rules laws/kz
# and writes the recommendation's title and paragraph, what the draft resolves,
# what it introduces or changes, and what still fails on the provisions it
# touches (from `siracusa check --amend DRAFT`). It uses only the built binary
# and standard shell tools. Environment: SIRACUSA (the binary, default
# build/siracusa), DRAFTS (default laws/kz/drafts), CORPUS (default
# "rules laws/kz").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

siracusa=${SIRACUSA:-build/siracusa}
drafts_dir=${DRAFTS:-laws/kz/drafts}
read -r -a corpus <<<"${CORPUS:-rules laws/kz}"
out=docs/recommendations.md
as_of=()

while [ $# -gt 0 ]; do
  case "$1" in
  -o)
    out=$2
    shift 2
    ;;
  --as-of)
    as_of=(--as-of "$2")
    shift 2
    ;;
  -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "recommendations.sh: unknown argument \`$1\` (try --help)" >&2
    exit 2
    ;;
  esac
done

if [ ! -x "$siracusa" ]; then
  echo "recommendations.sh: no siracusa binary at \`$siracusa\`; build it first" \
    "(cmake -S . -B build -G Ninja && cmake --build build) or set SIRACUSA" >&2
  exit 2
fi

shopt -s nullglob
drafts=("$drafts_dir"/*.sir)
if [ ${#drafts[@]} -eq 0 ]; then
  echo "recommendations.sh: no drafts in \`$drafts_dir\`" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sir() { NO_COLOR=1 "$siracusa" --color never "$@"; }

# Runs siracusa; exit 0 and 1 are answers, anything else is an error.
run() {
  local into=$1
  shift
  local rc=0
  sir "$@" >"$into" 2>"$tmp/stderr" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "recommendations.sh: \`siracusa $*\` failed (exit $rc):" >&2
    cat "$tmp/stderr" >&2
    exit 2
  fi
  return 0
}

# Test titles, from the list of tests that `check` prints after the findings.
titles() {
  awk '/^The tests behind these findings/ { on = 1; next }
       on && /^  [a-z0-9_]+ — / {
         name = $1; t = $0
         sub(/^  [a-z0-9_]+ — /, "", t); sub(/ \[[^]]*\]$/, "", t)
         print name "\t" t
       }' "$@"
}

run "$tmp/base.txt" check --include-all ${as_of[@]+"${as_of[@]}"} "${corpus[@]}"
titles "$tmp/base.txt" >"$tmp/titles.tsv"

# What a draft file says about itself.
amendment_id() { awk '/^amendment / { print $2; exit }' "$1"; }
amendment_clause() { # FILE CLAUSE: the first `CLAUSE:` of the amendment block
  awk -v key="$2" '/^amendment / { on = 1; next }
    on && $0 ~ "^  " key ":" { v = $0; sub("^  " key ": *", "", v); print v; exit }' "$1"
}
unquote() { sed -e 's/" *"//g' -e 's/^"//' -e 's/"$//'; }
header_comment() { # the comment block at the top of the file, as prose
  awk '/^#/ { l = $0; sub(/^# ?/, "", l); print l; next } { exit }' "$1" |
    awk 'BEGIN { para = "" }
         /^$/ { if (para != "") print para; print ""; para = ""; next }
         { para = (para == "" ? $0 : para " " $0) }
         END { if (para != "") print para }'
}
touched() { # provisions the draft amends, repeals or adds
  awk '/^  amends [a-z0-9_]+\.[a-z0-9_]+/ { print $2 }
       /^  repeals [a-z0-9_]+\.[a-z0-9_]+/ { print $2 }
       /^  adds to [a-z0-9_]+ provision [a-z0-9_]+/ { print $3 "." $5 }' "$1" | sort -u
}

# One finding line of `siracusa diff` as a Markdown bullet, with the test's title.
# Finding ids are PROVISION/RIGHT/TEST (a conflict: TEST~OTHER; a duty: JURISDICTION/RIGHT/TEST).
finding_bullets() { # TITLES FILE
  awk -F '\t' 'NR == FNR { title[$1] = $2; next }
    {
      line = $0; sub(/^  /, "", line)
      note = ""
      if (match(line, /  \(.*\)$/)) { note = substr(line, RSTART + 3, RLENGTH - 4); line = substr(line, 1, RSTART - 1) }
      n = split(line, w, / +/)
      verdict = tolower(w[1]); strength = w[2]; id = w[3]
      gsub(/_/, " ", strength)
      split(id, part, "/")
      test = part[3]; other = ""
      if (index(test, "~")) { other = substr(test, index(test, "~") + 1); test = substr(test, 1, index(test, "~") - 1) }
      t = (test in title) ? " — " title[test] : ""
      printf "- **%s** (%s) `%s`%s, on `%s`, %s", verdict, strength, test, t, part[1], part[2]
      if (other != "") printf ", against `%s`", other
      if (note != "") printf " — %s", note
      printf "\n"
    }' "$1" "$2"
}

# A `Changed` line of `siracusa diff`: ID: BEFORE -> AFTER.
changed_bullets() { # TITLES FILE
  awk -F '\t' 'NR == FNR { title[$1] = $2; next }
    {
      line = $0; sub(/^  /, "", line)
      id = line; sub(/: .*/, "", id)
      rest = line; sub(/^[^:]*: /, "", rest)
      split(rest, side, / -> /)
      split(id, part, "/")
      test = part[3]; sub(/~.*/, "", test)
      t = (test in title) ? " — " title[test] : ""
      printf "- `%s`%s, on `%s`, %s: %s → %s\n", test, t, part[1], part[2], tolower(side[1]), tolower(side[2])
    }' "$1" "$2"
}

# The lines of one section (`Resolved (n)`, `Introduced (n)`, `Changed (n)`) of a diff.
section() { # FILE NAME
  awk -v name="$2" '$0 ~ "^" name " \\(" { on = 1; next }
    on && /^  / { print; next }
    on { exit }' "$1"
}

# The FAILS and MAY-FAIL findings that `check` reports on the given provisions.
still_failing() { # CHECK-OUTPUT PROVISIONS-FILE TITLES
  awk -F '\t' 'FILENAME == ARGV[1] { want[$1] = 1; next }
    FILENAME == ARGV[2] { title[$1] = $2; next }
    /^  provision / { split($0, f, " "); p = f[2]; on = (p in want); next }
    /^[^ ]/ { on = 0; next }
    on && /^    (FAILS|MAY-FAIL) / {
      line = $0; sub(/^    /, "", line)
      n = split(line, w, / +/)
      strength = w[2]; gsub(/_/, " ", strength)
      t = (w[4] in title) ? " — " title[w[4]] : ""
      printf "- **%s** (%s) `%s`%s, on `%s`, %s\n", tolower(w[1]), strength, w[4], t, p, w[3]
    }' "$2" "$3" "$1"
}

count_of() { # FILE NAME: the n of `NAME (n)`
  awk -v name="$2" '$0 ~ "^" name " \\(" { s = $0; sub(/^[^(]*\(/, "", s); sub(/\).*/, "", s); print s; exit }' "$1"
}

day_line=$(awk 'NR <= 4 && /^as of |^no dates/ { print; exit }' "$tmp/base.txt")
corpus_text="${corpus[*]}"
as_of_text="${as_of[*]:-}"
command_text="scripts/recommendations.sh${as_of_text:+ $as_of_text}"

summary="$tmp/summary.md"
body="$tmp/body.md"
: >"$summary"
: >"$body"

for draft in "${drafts[@]}"; do
  id=$(amendment_id "$draft")
  title=$(amendment_clause "$draft" title | unquote)
  source=$(amendment_clause "$draft" source)
  paras=$(printf '%s\n' "$source" | sed -n 's/^[a-z0-9-]* para //p')
  doc=$(printf '%s\n' "$source" | awk '{ print $1 }')
  touched "$draft" >"$tmp/touched.txt"

  diff_rc=0
  NO_COLOR=1 "$siracusa" --color never diff --amend "$draft" ${as_of[@]+"${as_of[@]}"} "${corpus[@]}" \
    >"$tmp/diff.txt" 2>"$tmp/stderr" || diff_rc=$?
  if [ "$diff_rc" -gt 1 ]; then
    echo "recommendations.sh: siracusa diff --amend $draft failed (exit $diff_rc):" >&2
    cat "$tmp/stderr" >&2
    exit 2
  fi
  run "$tmp/after.txt" check --include-all --amend "$draft" ${as_of[@]+"${as_of[@]}"} "${corpus[@]}"
  titles "$tmp/after.txt" >>"$tmp/titles.tsv"

  resolved=$(count_of "$tmp/diff.txt" Resolved)
  introduced=$(count_of "$tmp/diff.txt" Introduced)
  changed=$(count_of "$tmp/diff.txt" Changed)
  unchanged=$(awk '/^Unchanged: / { print $2; exit }' "$tmp/diff.txt")
  section "$tmp/diff.txt" Resolved >"$tmp/resolved.txt"
  section "$tmp/diff.txt" Introduced >"$tmp/introduced.txt"
  section "$tmp/diff.txt" Changed >"$tmp/changed.txt"
  still_failing "$tmp/after.txt" "$tmp/touched.txt" "$tmp/titles.tsv" >"$tmp/left.txt"
  left=$(grep -c '^- ' "$tmp/left.txt" || true)
  anchor=$(basename "$draft" .sir)
  name=$(basename "$draft")

  printf '| [%s](#%s) | %s | %s | %s | %s | %s |\n' "$title" "$anchor" "$paras" "$resolved" "$introduced" \
    "$changed" "$left" >>"$summary"

  {
    printf '<a id="%s"></a>\n\n' "$anchor"
    printf '## %s\n\n' "$title"
    printf -- '- Recommendation: after %s para %s; draft `%s` (`%s`)\n' "$doc" "$paras" "$draft" "$id"
    printf -- "- Check it: \`siracusa diff --amend %s%s %s\`" "$draft" "${as_of_text:+ $as_of_text}" "$corpus_text"
    if [ "$diff_rc" -eq 1 ]; then
      printf ' (exit 1: it makes something newly fail, per se or presumptively)\n'
    else
      printf ' (exit 0: nothing newly fails per se or presumptively)\n'
    fi
    printf -- '- Provisions it touches: %s\n\n' "$(sed 's/.*/`&`/' "$tmp/touched.txt" | paste -sd, - | sed 's/,/, /g')"
    header_comment "$draft" |
      sed -E "1s/^Draft — recommendations? after para [0-9]+ \(([^)]*)\): /**Recommendation (\1):** /"
    printf '\n### Resolves (%s)\n\n' "$resolved"
    if [ -s "$tmp/resolved.txt" ]; then finding_bullets "$tmp/titles.tsv" "$tmp/resolved.txt"; else printf 'Nothing.\n'; fi
    printf '\n### Introduces (%s)\n\n' "$introduced"
    if [ -s "$tmp/introduced.txt" ]; then finding_bullets "$tmp/titles.tsv" "$tmp/introduced.txt"; else printf 'Nothing.\n'; fi
    printf '\n### Changes (%s)\n\n' "$changed"
    if [ -s "$tmp/changed.txt" ]; then changed_bullets "$tmp/titles.tsv" "$tmp/changed.txt"; else printf 'Nothing.\n'; fi
    printf '\n### Still failing on the provisions it touches (%s)\n\n' "$left"
    if [ -s "$tmp/left.txt" ]; then cat "$tmp/left.txt"; else printf 'Nothing: every finding on them passes, or the provisions are repealed.\n'; fi
    printf '\nUnchanged findings (fails, may_fail or unassessed before and after): %s.\n\n' "${unchanged:-0}"
  } >>"$body"
  printf '%s: %s resolved, %s introduced, %s changed, %s still failing\n' "$name" "$resolved" "$introduced" \
    "$changed" "$left" >&2
done

mkdir -p "$(dirname "$out")"
{
  printf '# Recommendations of the NGO statement as amendment drafts\n\n'
  printf 'Generated by `%s` — do not edit by hand; change the drafts in `%s/` and run it again.\n' \
    "$command_text" "$drafts_dir"
  printf 'For each draft it runs `siracusa diff --amend DRAFT%s %s` and `siracusa check --amend DRAFT%s %s`.\n\n' \
    "${as_of_text:+ $as_of_text}" "$corpus_text" "${as_of_text:+ $as_of_text}" "$corpus_text"
  printf 'The law is read %s.\n' "${day_line:-as the corpus gives it}"
  printf 'Each draft encodes one recommendation of the statement (`kz-ngo-2025`), cited by the numbered\n'
  printf 'paragraph it follows. A finding is *resolved* when the draft removes a `fails`, `may_fail` or\n'
  printf '`unassessed` finding, *introduced* when it creates one, *changed* when its verdict or basis moves;\n'
  printf '*still failing* lists what `check` still finds on the provisions the draft touches.\n\n'
  printf '| recommendation | para | resolves | introduces | changes | still failing |\n'
  printf '| --- | --- | --- | --- | --- | --- |\n'
  cat "$summary"
  printf '\n'
  cat "$body"
} >"$tmp/out.md"
# No blank line at the end of the file.
sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/out.md" >"$out"
echo "wrote $out (${#drafts[@]} drafts)" >&2
