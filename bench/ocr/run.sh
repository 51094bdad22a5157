#!/usr/bin/env bash
# OCR throughput and word recall: `docintake ocr --local` against OCRmyPDF
# (--rotate-pages --deskew, PDF/A-2 output) on the same multi-page scans of
# the OCR corpus, in one run. See bench/ocr/README.md.
#   bench/ocr/run.sh [--runs N] [--build-dir DIR] [--corpus DIR] [--keep-work-dir]
# Builds the release preset unless --build-dir is given. Progress goes to
# stderr, the result table to stdout.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=1
build=""
corpus="${repo}/../shared/corpus"
keep=0

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

log() { echo "bench/ocr: $*" >&2; }
die() { echo "bench/ocr: $*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------
command -v ocrmypdf >/dev/null ||
  die "ocrmypdf is not installed, so there is nothing to compare against." \
      "Install it (Debian: apt-get install ocrmypdf) and run again."
command -v jq >/dev/null ||
  die "jq is not installed (Debian: apt-get install jq); it reads docintake's --json."
# img2pdf assembles the multi-page image PDF losslessly: its CLI if present,
# else the Python module that OCRmyPDF itself depends on.
ocrmypdf_python="$(head -n 1 "$(command -v ocrmypdf)" | sed -n 's/^#! *\([^ ]*\).*/\1/p')"
img2pdf_run() {  # OUT.pdf IMAGE...
  local out="$1"; shift
  if command -v img2pdf >/dev/null; then
    img2pdf -o "${out}" "$@"
  else
    "${ocrmypdf_python:-python3}" -c 'import sys, img2pdf
open(sys.argv[1], "wb").write(img2pdf.convert(sys.argv[2:]))' "${out}" "$@"
  fi
}

ocr_corpus="$(cd "${corpus}/ocr" 2>/dev/null && pwd)" ||
  die "no OCR corpus at ${corpus}/ocr (use --corpus DIR)"
truth="${ocr_corpus}/ocr_truth.tsv"

# --- build ---------------------------------------------------------------
if [[ -z "${build}" ]]; then
  (cd "${repo}" && cmake --preset release >&2 &&
    cmake --build --preset release -j "${DOCINTAKE_BUILD_JOBS:-2}" \
      --target docintake_cli bench_ocr_recall >&2)
  build="${repo}/build/release"
fi
docintake="${build}/intake/cli/docintake"
recall="${build}/bench/ocr/bench_ocr_recall"
[[ -x "${docintake}" ]] || die "${docintake} not built"
[[ -x "${recall}" ]] || die "${recall} not built"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench-ocr-XXXXXX")"
cleanup() {
  if [[ "${keep}" == 1 || "${failed:-0}" == 1 ]]; then
    log "work dir kept: ${work}"
  else
    rm -rf "${work}"
  fi
}
trap cleanup EXIT
fail() { failed=1; die "$@"; }

# --- inputs --------------------------------------------------------------
# Each input: a file, and its truth as lines "PAGE<TAB>EXPECTED_TEXT_FILE".
inputs=()
add_input() {  # NAME FILE TRUTH_LINES
  inputs+=("$1")
  ln -s "$2" "${work}/$1"
  printf '%s\n' "$3" >"${work}/$1.truth"
}
pages_of() {  # corpus FILE: its truth rows as PAGE<TAB>EXPECTED
  awk -F'\t' -v f="$1" -v d="${ocr_corpus}" \
    'NR > 1 && $1 == f && $5 != "-" { print $2 "\t" d "/" $5 }' "${truth}"
}
for file in scans/EN16931_Miete.tif scans/EN16931_Rechnungskorrektur.pdf; do
  rows="$(pages_of "${file}")"
  [[ -n "${rows}" ]] || fail "no truth rows for ${file} in ${truth}"
  add_input "$(basename "${file}")" "${ocr_corpus}/${file}" "${rows}"
done
# Every page image of the one-file-per-page scan folders, as one image PDF.
mapfile -t images < <(awk -F'\t' \
  'NR > 1 && $5 != "-" && $1 ~ /^scans\/[^\/]+\/p[0-9]+\.[a-z]+$/ { print $1 "\t" $5 }' \
  "${truth}")
[[ ${#images[@]} -gt 0 ]] || fail "no page images under scans/*/ in ${truth}"
image_paths=(); image_truth=""
for i in "${!images[@]}"; do
  image_paths+=("${ocr_corpus}/${images[$i]%%$'\t'*}")
  image_truth+="$((i + 1))"$'\t'"${ocr_corpus}/${images[$i]#*$'\t'}"$'\n'
done
img2pdf_run "${work}/scan_folders.pdf.src" "${image_paths[@]}" ||
  fail "could not assemble the image PDF with img2pdf"
add_input scan_folders.pdf "${work}/scan_folders.pdf.src" "${image_truth%$'\n'}"

total_pages=0
for name in "${inputs[@]}"; do
  n="$(wc -l <"${work}/${name}.truth")"
  total_pages=$((total_pages + n))
  log "input ${name}: ${n} pages"
done

# --- runs ----------------------------------------------------------------
cores="$(nproc)"  # before the export: GNU nproc honours OMP_THREAD_LIMIT
export OMP_THREAD_LIMIT=1
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

ours_seconds=(); theirs_seconds=()
for run in $(seq 1 "${runs}"); do
  ours_total=0; theirs_total=0
  for name in "${inputs[@]}"; do
    in="${work}/${name}"
    # Ours: recognition, rendition and JSON in one process.
    t0="$(now)"
    "${docintake}" ocr --local -o "${work}/ours-${name}.pdf" --json "${in}" \
      >"${work}/ours-${name}.json" 2>"${work}/ours-${name}.err" ||
      fail "docintake ocr failed on ${name}: see ${work}/ours-${name}.err"
    t1="$(now)"
    # OCRmyPDF: images need a resolution; the corpus images carry 300 dpi.
    dpi=(); [[ "${name}" == *.pdf ]] || dpi=(--image-dpi 300)
    ocrmypdf -q -l deu --rotate-pages --deskew --output-type pdfa-2 -j 2 \
      "${dpi[@]}" --sidecar "${work}/theirs-${name}.txt" "${in}" \
      "${work}/theirs-${name}.pdf" 2>"${work}/theirs-${name}.err" ||
      fail "ocrmypdf failed on ${name}: see ${work}/theirs-${name}.err"
    t2="$(now)"
    ours_total="$(awk -v s="${ours_total}" -v d="$(elapsed "${t0}" "${t1}")" 'BEGIN { print s + d }')"
    theirs_total="$(awk -v s="${theirs_total}" -v d="$(elapsed "${t1}" "${t2}")" 'BEGIN { print s + d }')"
    log "run ${run}: ${name}: docintake $(elapsed "${t0}" "${t1}") s, ocrmypdf $(elapsed "${t1}" "${t2}") s"
  done
  ours_seconds+=("${ours_total}"); theirs_seconds+=("${theirs_total}")
done

# --- recall (of the last run; OCR is deterministic) ----------------------
: >"${work}/ours.manifest"; : >"${work}/theirs.manifest"
for name in "${inputs[@]}"; do
  got="$(jq '.page_count' "${work}/ours-${name}.json")"
  want="$(wc -l <"${work}/${name}.truth")"
  [[ "${got}" == "${want}" ]] || fail "docintake found ${got} pages in ${name}, truth has ${want}"
  jq -j '.pages | sort_by(.number) | map(.text) | join("\f")' \
    "${work}/ours-${name}.json" >"${work}/ours-${name}.txt"
  while IFS=$'\t' read -r page expected; do
    printf '%s\t%s\t%s\n' "${work}/ours-${name}.txt" "${page}" "${expected}" >>"${work}/ours.manifest"
    printf '%s\t%s\t%s\n' "${work}/theirs-${name}.txt" "${page}" "${expected}" >>"${work}/theirs.manifest"
  done <"${work}/${name}.truth"
done
read -r _ words _ _ ours_recall ours_precision ours_cer < <("${recall}" "${work}/ours.manifest") ||
  fail "bench_ocr_recall failed on docintake's text"
read -r _ _ _ _ theirs_recall theirs_precision theirs_cer < <("${recall}" "${work}/theirs.manifest") ||
  fail "bench_ocr_recall failed on ocrmypdf's text"

# --- report --------------------------------------------------------------
rates() {  # SECONDS...: pages/s per run, sorted
  for s in "$@"; do awk -v p="${total_pages}" -v s="${s}" 'BEGIN { printf "%.4f\n", p / s }'; done | sort -g
}
median() { awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mapfile -t ours_rates < <(rates "${ours_seconds[@]}")
mapfile -t theirs_rates < <(rates "${theirs_seconds[@]}")
ours_median="$(printf '%s\n' "${ours_rates[@]}" | median)"
theirs_median="$(printf '%s\n' "${theirs_rates[@]}" | median)"
ratio="$(awk -v a="${ours_median}" -v b="${theirs_median}" 'BEGIN { printf "%.2f", a / b }')"
speed_met="$(awk -v r="${ratio}" 'BEGIN { print (r >= 1.5) ? "yes" : "no" }')"
recall_met="$(awk -v a="${ours_recall}" -v b="${theirs_recall}" 'BEGIN { print (a >= b) ? "yes" : "no" }')"

echo "bench/ocr: ${#inputs[@]} inputs (${inputs[*]}), ${total_pages} pages, ${runs} run(s), OMP_THREAD_LIMIT=1, ${cores} cores"
echo "docintake: ${docintake} ($(jq -r '.ocr_engine' "${work}/ours-${inputs[0]}.json"))"
echo "ocrmypdf:  $(ocrmypdf --version) (tesseract $(tesseract --version 2>&1 | head -n 1 | awk '{ print $2 }'))"
echo
printf '%-46s %10s %17s %8s %9s %7s\n' "" "pages/s" "range" "recall" "precision" "CER"
printf '%-46s %10.3f %8.3f-%-8.3f %8.4f %9.4f %7.4f\n' "docintake ocr --local -o --json" \
  "${ours_median}" "${ours_rates[0]}" "${ours_rates[-1]}" "${ours_recall}" "${ours_precision}" "${ours_cer}"
printf '%-46s %10.3f %8.3f-%-8.3f %8.4f %9.4f %7.4f\n' "ocrmypdf --rotate-pages --deskew -j 2 (PDF/A-2)" \
  "${theirs_median}" "${theirs_rates[0]}" "${theirs_rates[-1]}" "${theirs_recall}" "${theirs_precision}" "${theirs_cer}"
echo
echo "expected words: ${words}"
echo "pages/s docintake / ocrmypdf (median): ${ratio}  (target >= 1.50: ${speed_met})"
echo "word recall docintake vs ocrmypdf:     ${ours_recall} vs ${theirs_recall}  (target >=: ${recall_met})"
if [[ "${speed_met}" == yes && "${recall_met}" == yes ]]; then
  echo "target: met"
else
  echo "target: NOT met"
fi
