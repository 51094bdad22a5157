#!/usr/bin/env bash
# Signature validation time and verdicts: `docintake verify --local` against
# Poppler's pdfsig (-nocert, and with certificate checks against the corpus
# anchors) on every PDF of the signature corpus, in one run. See
# bench/signature/README.md.
#   bench/signature/run.sh [--runs N] [--build-dir DIR] [--corpus DIR] [--keep-work-dir]
# Builds nothing. Progress goes to stderr, the result tables to stdout.
set -euo pipefail
export LC_ALL=C  # '.' in $EPOCHREALTIME and in awk's numbers

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=5
build=""
corpus="${DOCINTAKE_CORPUS_DIR:-${repo}/../shared/corpus}"
keep=0
at="2023-10-05T12:00:00Z"  # the corpus validation time

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="${2:?}"; shift 2 ;;
    --build-dir) build="${2:?}"; shift 2 ;;
    --corpus) corpus="${2:?}"; shift 2 ;;
    --keep-work-dir) keep=1; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument $1" >&2; usage ;;
  esac
done
[[ "${runs}" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs wants a number >= 1" >&2; exit 2; }

log() { echo "bench/signature: $*" >&2; }
die() { echo "bench/signature: $*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------
command -v pdfsig >/dev/null ||
  die "pdfsig is not installed, so there is nothing to compare against." \
      "Install it (Debian: apt-get install poppler-utils) and run again."
command -v certutil >/dev/null ||
  die "certutil is not installed (Debian: apt-get install libnss3-tools);" \
      "it puts the corpus trust anchors into pdfsig's NSS database."
command -v jq >/dev/null ||
  die "jq is not installed (Debian: apt-get install jq); it reads docintake's --json."

if [[ -z "${build}" ]]; then
  for dir in build/release build/ci; do
    if [[ -x "${repo}/${dir}/intake/cli/docintake" ]]; then build="${repo}/${dir}"; break; fi
  done
  [[ -n "${build}" ]] || die "no build/release or build/ci with intake/cli/docintake;" \
    "build docintake_cli and bench_signature_timing (cmake --preset release &&" \
    "cmake --build --preset release --target docintake_cli bench_signature_timing)" \
    "or pass --build-dir DIR"
fi
docintake="${build}/intake/cli/docintake"
timing="${build}/bench/signature/bench_signature_timing"
[[ -x "${docintake}" ]] || die "${docintake} not built (target docintake_cli)"
[[ -x "${timing}" ]] || die "${timing} not built (target bench_signature_timing)"

sig_corpus="$(cd "${corpus}/signatures" 2>/dev/null && pwd)" ||
  die "no signature corpus at ${corpus}/signatures (use --corpus DIR or DOCINTAKE_CORPUS_DIR)"
trust="${sig_corpus}/trust"
expected="${sig_corpus}/expected.tsv"
mapfile -t files < <(cd "${sig_corpus}" && find pdf -type f -name '*.pdf' | sort)
[[ ${#files[@]} -gt 0 ]] || die "no PDFs below ${sig_corpus}/pdf"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench-signature-XXXXXX")"
cleanup() {
  if [[ "${keep}" == 1 || "${failed:-0}" == 1 ]]; then
    log "work dir kept: ${work}"
  else
    rm -rf "${work}"
  fi
}
trap cleanup EXIT
fail() { failed=1; die "$@"; }

# --- pdfsig's NSS database: the same anchors docintake gets ----------------
# Every certificate of every PEM file below trust/ (the pyHanko, SK TEST and
# TeleSec roots and the EE trusted list's service certificates), trusted as
# CA for all uses. NSS refuses a second certificate with the same issuer and
# serial number (re-issued copies in the EE list); those are counted.
nssdb="${work}/nssdb"
mkdir -p "${nssdb}" "${work}/anchors"
certutil -N -d "sql:${nssdb}" --empty-password ||
  fail "certutil could not create the NSS database"
while IFS= read -r pem; do
  awk -v out="${work}/anchors/$(basename "${pem}" .pem)" \
    '/-----BEGIN CERTIFICATE-----/ { n++ } n { print > (out "-" n ".pem") }' "${pem}"
done < <(find "${trust}" -type f -name '*.pem' | sort)
imported=0; refused=0
for cert in "${work}"/anchors/*.pem; do
  if certutil -A -d "sql:${nssdb}" -n "$(basename "${cert}" .pem)" -t "C,C,C" \
      -i "${cert}" 2>>"${work}/certutil.err"; then
    imported=$((imported + 1))
  else
    refused=$((refused + 1))
  fi
done
log "NSS database: ${imported} anchors imported, ${refused} refused by NSS (same issuer and serial)"

# --- the commands ---------------------------------------------------------
# tool ids: ours, nocert (pdfsig -nocert), full (pdfsig with certificate
# checks, offline). Each writes its output to OUT and returns its exit code.
run_tool() {  # TOOL FILE OUT
  case "$1" in
    ours) "${docintake}" verify --local --trust "${trust}" --at "${at}" --json "$2" >"$3" 2>>"${work}/ours.err" ;;
    nocert) pdfsig -nssdir "sql:${nssdb}" -nocert "$2" >"$3" 2>>"${work}/pdfsig.err" ;;
    full) pdfsig -nssdir "sql:${nssdb}" -no-ocsp "$2" >"$3" 2>>"${work}/pdfsig.err" ;;
  esac
}
tools=(ours nocert full)

# Warm-up pass, untimed: fills the page cache and keeps every output for the
# verdicts. docintake exits 0 (all passed) or 1 (not all passed); anything
# else, or no JSON, is a failure of the run. pdfsig's exit code is kept.
mkdir -p "${work}/out"
for i in "${!files[@]}"; do
  f="${sig_corpus}/${files[$i]}"
  rc=0; run_tool ours "${f}" "${work}/out/${i}.ours.json" || rc=$?
  [[ "${rc}" -le 1 ]] && jq -e '.signatures' "${work}/out/${i}.ours.json" >/dev/null ||
    fail "docintake verify failed on ${files[$i]} (exit ${rc}): see ${work}/ours.err"
  rc=0; run_tool nocert "${f}" "${work}/out/${i}.nocert.txt" || rc=$?
  echo "${rc}" >"${work}/out/${i}.nocert.rc"
  rc=0; run_tool full "${f}" "${work}/out/${i}.full.txt" || rc=$?
  echo "${rc}" >"${work}/out/${i}.full.rc"
done
log "warm-up pass done: ${#files[@]} files"

# --- timed runs: per run every file through the three tools in turn --------
: >"${work}/times.tsv"
ms_since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) * 1000 }'; }
for run in $(seq 1 "${runs}"); do
  for i in "${!files[@]}"; do
    f="${sig_corpus}/${files[$i]}"
    for tool in "${tools[@]}"; do
      rc=0
      t0="${EPOCHREALTIME}"
      run_tool "${tool}" "${f}" /dev/null || rc=$?
      t1="${EPOCHREALTIME}"
      if [[ "${tool}" == ours && "${rc}" -gt 1 ]]; then
        fail "docintake verify failed on ${files[$i]} (exit ${rc}): see ${work}/ours.err"
      fi
      printf '%s\t%s\t%s\n' "${tool}" "${i}" "$(ms_since "${t0}" "${t1}")" >>"${work}/times.tsv"
    done
  done
  # Start-up floor: each program started once doing (almost) nothing.
  t0="${EPOCHREALTIME}"; "${docintake}" --help >/dev/null 2>&1 || true; t1="${EPOCHREALTIME}"
  pdfsig -v >/dev/null 2>&1 || true; t2="${EPOCHREALTIME}"
  printf 'start\tours\t%s\nstart\tpdfsig\t%s\n' "$(ms_since "${t0}" "${t1}")" \
    "$(ms_since "${t1}" "${t2}")" >>"${work}/times.tsv"
  log "run ${run}/${runs} done"
done

# In-process: trust store loaded once, each file validated --runs times.
abs_files=()
for f in "${files[@]}"; do abs_files+=("${sig_corpus}/${f}"); done
"${timing}" --trust "${trust}" --at "${at}" --runs "${runs}" "${abs_files[@]}" \
  >"${work}/inprocess.tsv" 2>"${work}/inprocess.err" ||
  fail "bench_signature_timing failed: see ${work}/inprocess.err"
log "in-process timing done"

# --- verdicts ---------------------------------------------------------------
# pdfsig's text, one line per signature it lists:
#   GAP_START  LISTED  SIGNATURE_VALIDATION  CERTIFICATE_VALIDATION
# Fields it reports as "not signed" are left out (they have no signature).
pdfsig_signatures() {  # OUTPUT_FILE
  awk '
    function flush() {
      if (n && !unsigned) printf "%s\t%d\t%s\t%s\n", gap, n, sig, cert
    }
    /^Signature #[0-9]+:/ { flush(); n++; gap = 1e18; sig = "-"; cert = "-"; unsigned = 0; next }
    /The signature form field is not signed/ { unsigned = 1 }
    /- Signed Ranges: \[/ { s = $0; sub(/.*Signed Ranges: \[[0-9]+ - /, "", s); sub(/\].*/, "", s); gap = s + 0 }
    /- Signature Validation: / { s = $0; sub(/.*Signature Validation: /, "", s); sub(/\.$/, "", s); sig = s }
    /- Certificate Validation: / { s = $0; sub(/.*Certificate Validation: /, "", s); sub(/\.$/, "", s); cert = s }
    END { flush() }
  ' "$1" | sort -t$'\t' -k1,1n -k2,2n
}
# The EN 319 102-1 indication a reader takes from pdfsig's two lines.
pdfsig_indication() {  # SIGNATURE_VALIDATION CERTIFICATE_VALIDATION
  case "$1" in
    "Signature is Valid")
      if [[ "$2" == "Certificate is Trusted" ]]; then echo TOTAL-PASSED; else echo INDETERMINATE; fi ;;
    "Signature is Invalid"|"Digest Mismatch"|"Document isn't signed or corrupted data") echo TOTAL-FAILED ;;
    "Signature has not yet been verified"|"Unknown Validation Failure") echo INDETERMINATE ;;
    *) echo "?" ;;
  esac
}

: >"${work}/verdicts.tsv"
for i in "${!files[@]}"; do
  file="${files[$i]}"
  mapfile -t full_sigs < <(pdfsig_signatures "${work}/out/${i}.full.txt")
  mapfile -t nocert_sigs < <(pdfsig_signatures "${work}/out/${i}.nocert.txt")
  while IFS=$'\t' read -r index want; do
    ours="$(jq -r --argjson i "${index}" \
      '[.signatures[] | select(.index == $i) | .indication][0] // "none" | gsub("_"; "-")' \
      "${work}/out/${i}.ours.json")"
    full="none"; full_raw="not listed"
    if [[ "${index}" -lt ${#full_sigs[@]} ]]; then
      IFS=$'\t' read -r _ _ sig cert <<<"${full_sigs[${index}]}"
      full="$(pdfsig_indication "${sig}" "${cert}")"; full_raw="${sig} / ${cert}"
    fi
    # -nocert decides no trust: only whether it calls the signature broken.
    nocert="none"
    if [[ "${index}" -lt ${#nocert_sigs[@]} ]]; then
      IFS=$'\t' read -r _ _ sig _ <<<"${nocert_sigs[${index}]}"
      nocert="$(pdfsig_indication "${sig}" -)"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${file#pdf/}" "${index}" "${want}" "${ours}" \
      "${full}" "${nocert}" "${full_raw}" >>"${work}/verdicts.tsv"
  done < <(awk -F'\t' -v f="${file}" 'NR > 1 && $1 == f && $9 ~ /^(TOTAL-PASSED|TOTAL-FAILED|INDETERMINATE)$/ { print $2 "\t" $9 }' "${expected}")
done

# --- report -----------------------------------------------------------------
# Per file and tool the median of the runs (rows "start": the start-up floor).
awk -F'\t' '
  { v[$1, $2, ++n[$1, $2]] = $3 }
  END {
    for (key in n) {
      split(key, k, SUBSEP); m = n[key]
      for (a = 1; a <= m; a++) s[a] = v[key, a]
      for (a = 2; a <= m; a++) { x = s[a]; for (b = a - 1; b >= 1 && s[b] > x; b--) s[b + 1] = s[b]; s[b + 1] = x }
      med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
      printf "%s\t%s\t%.3f\n", k[1], k[2], med
    }
  }' "${work}/times.tsv" | sort -t$'\t' -k1,1 -k2,2n >"${work}/medians.tsv"
awk -F'\t' '$1 == "file" { print "inproc\t" NR - 2 "\t" $3 }' "${work}/inprocess.tsv" >>"${work}/medians.tsv"
load_ms="$(awk -F'\t' '$1 == "load" { printf "%.1f", $3 }' "${work}/inprocess.tsv")"
start_ms() { awk -F'\t' -v t="$1" '$1 == "start" && $2 == t { printf "%.1f", $3 }' "${work}/medians.tsv"; }

echo "bench/signature: ${#files[@]} PDFs of ${sig_corpus}/pdf, ${runs} timed run(s) after one warm-up, $(nproc) cores"
echo "docintake: ${docintake} verify --local --trust ${trust} --at ${at} --json FILE"
echo "pdfsig:    $(pdfsig -v 2>&1 | head -n 1), -nssdir with the ${imported} corpus anchors NSS accepts"
echo
echo "Time per file, ms, median of ${runs} runs. process: one command, start-up included;"
echo "in-process: docintake with the trust store loaded once. ratio: pdfsig -nocert / docintake (> 1: docintake faster)."
printf '%-61s %9s %9s %9s %6s %10s %6s\n' "" "pdfsig" "pdfsig" "docintake" "ratio" "docintake" "ratio"
printf '%-61s %9s %9s %9s %6s %10s %6s\n' "file" "-nocert" "-no-ocsp" "process" "" "in-process" ""
awk -F'\t' -v names="$(printf '%s\n' "${files[@]}")" '
  { t[$1, $2] = $3 }
  END {
    nf = split(names, name, "\n")
    for (i = 0; i < nf; i++) {
      printf "%-61s %9.1f %9.1f %9.1f %6.2f %10.1f %6.2f\n", substr(name[i + 1], 5), t["nocert", i],
        t["full", i], t["ours", i], t["nocert", i] / t["ours", i], t["inproc", i], t["nocert", i] / t["inproc", i]
    }
  }' "${work}/medians.tsv"

# Summary: median of the per-file medians, their total, and the ratios.
summary() {  # TOOL: MEDIAN TOTAL
  awk -F'\t' -v t="$1" '$1 == t { print $3 }' "${work}/medians.tsv" | sort -g |
    awk '{ v[NR] = $1; s += $1 } END { printf "%.3f %.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, s }'
}
read -r ours_med ours_total < <(summary ours)
read -r nocert_med nocert_total < <(summary nocert)
read -r full_med full_total < <(summary full)
read -r inproc_med inproc_total < <(summary inproc)
faster() {  # TOOL: files where TOOL is faster than pdfsig -nocert
  awk -F'\t' -v t="$1" '{ v[$1, $2] = $3 } $1 == "nocert" { n++ }
    END { for (i = 0; i < n; i++) c += (v[t, i] < v["nocert", i]); print c }' "${work}/medians.tsv"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() {  # LABEL MEDIAN TOTAL [RATIO_TEXT]
  printf '%-47s %9.1f ms %9.1f ms  %s\n' "$1" "$2" "$3" "${4:-}"
}
echo
printf '%-47s %12s %12s  %s\n' "" "median/file" "total" "pdfsig -nocert / this: median, total"
row "pdfsig -nocert (process)" "${nocert_med}" "${nocert_total}"
row "pdfsig -no-ocsp, corpus anchors (process)" "${full_med}" "${full_total}"
row "docintake verify --local (process)" "${ours_med}" "${ours_total}" \
  "$(ratio "${nocert_med}" "${ours_med}"), $(ratio "${nocert_total}" "${ours_total}")"
row "docintake in-process (trust store loaded once)" "${inproc_med}" "${inproc_total}" \
  "$(ratio "${nocert_med}" "${inproc_med}"), $(ratio "${nocert_total}" "${inproc_total}")"
echo "pdfsig -no-ocsp / docintake process: median $(ratio "${full_med}" "${ours_med}"), total $(ratio "${full_total}" "${ours_total}")"
echo "start-up floor (median): docintake --help $(start_ms ours) ms, pdfsig -v $(start_ms pdfsig) ms;" \
  "trust store load in-process ${load_ms} ms"
met() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? "met" : "NOT met" }'; }
echo "target, docintake process faster per file than pdfsig -nocert: $(met "${ours_med}" "${nocert_med}")" \
  "($(faster ours) of ${#files[@]} files faster)"
echo "        docintake in-process faster per file than pdfsig -nocert: $(met "${inproc_med}" "${nocert_med}")" \
  "($(faster inproc) of ${#files[@]} files faster)"

echo
echo "Verdicts, every expected.tsv row with a definite expected_indication (ok: agrees with it):"
printf '%-61s %3s %-13s %-13s %-13s %s\n' "file" "sig" "expected" "docintake" "pdfsig" "pdfsig -no-ocsp says (signature / certificate)"
awk -F'\t' '{ printf "%-61s %3s %-13s %-13s %-13s %s\n", $1, $2, $3, ($4 == $3 ? "ok" : $4), ($5 == $3 ? "ok" : $5), $7 }' "${work}/verdicts.tsv"
awk -F'\t' '
  { rows++; ours = ($4 == $3); full = ($5 == $3)
    ours_ok += ours; full_ok += full; theirs_wrong_ours_right += (!full && ours); ours_wrong_theirs_right += (full && !ours)
    undecided += (full && $7 ~ /^(Signature has not yet been verified|Unknown Validation Failure) /)
    failed = ($3 == "TOTAL-FAILED"); ours_i += (($4 == "TOTAL-FAILED") == failed); nocert_i += (($6 == "TOTAL-FAILED") == failed) }
  END {
    printf "\nrows: %d\n", rows
    printf "indication agrees with expected.tsv: docintake %d, pdfsig -no-ocsp %d (%d of them: pdfsig checked nothing, read as INDETERMINATE)\n", ours_ok, full_ok, undecided
    printf "pdfsig -no-ocsp wrong, docintake right: %d; docintake wrong, pdfsig right: %d\n", theirs_wrong_ours_right, ours_wrong_theirs_right
    printf "broken or not (TOTAL-FAILED vs the rest) agrees: docintake %d, pdfsig -nocert %d\n", ours_i, nocert_i
  }' "${work}/verdicts.tsv"
