#!/usr/bin/env bash
# Installs the Debian 12 packages docintake needs to build, run and test.
# Idempotent: installs only what is missing, and runs `apt-get update` only
# then. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkgconf
  # gRPC / Protobuf / abseil
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libabsl-dev
  # storage, crypto, PDF text
  libsqlite3-dev libssl-dev libpoppler-cpp-dev libcurl4-openssl-dev
  # OCR: Tesseract with German and orientation data, Leptonica, zbar
  # barcodes, the sRGB profile for PDF/A renditions, zlib
  libtesseract-dev libleptonica-dev tesseract-ocr-deu tesseract-ocr-osd
  libzbar-dev icc-profiles-free zlib1g-dev
  # signatures and e-invoices: PoDoFo (PDF object graph), libxml2 (trusted
  # lists, invoices)
  libpodofo-dev libxml2-dev
  # tests: GoogleTest, poppler-utils (pdfinfo/pdftotext as a reference),
  # qpdf (checks of the PDF/A renditions)
  libgtest-dev libgmock-dev poppler-utils qpdf
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
